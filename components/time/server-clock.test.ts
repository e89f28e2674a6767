import { describe, expect, it } from 'vitest';
import { createServerClock } from './server-clock';

/** A device clock the test moves by hand, and a server answering at a set time. */
function rig(serverAnswers: string[], roundTripMs: number[]) {
  let device = 1_000_000;
  let call = 0;
  const clock = createServerClock({
    deviceNow: () => device,
    fetchTime: async () => {
      const i = call++;
      device += roundTripMs[i]!;
      return serverAnswers[i]!;
    },
  });
  return { clock, calls: () => call, advance: (ms: number) => (device += ms) };
}

describe('createServerClock', () => {
  it('is unmeasured until it measures, then takes the server time at the round trip’s midpoint', async () => {
    // Sent at device 1 000 000, answered 400 ms later; the server read 2 000 200 halfway through.
    const { clock } = rig([new Date(2_000_200).toISOString()], [400]);
    expect(clock.offsetMs()).toBeNull();
    await clock.ensureMeasured();
    expect(clock.offsetMs()).toBe(2_000_200 - 1_000_200);
  });

  it('measures once per document however many countdowns ask, at once or later', async () => {
    const { clock, calls } = rig([new Date(5_000_000).toISOString()], [100]);
    await Promise.all([clock.ensureMeasured(), clock.ensureMeasured(), clock.ensureMeasured()]);
    await clock.ensureMeasured();
    expect(calls()).toBe(1);
  });

  it('tells its subscribers when the offset changes', async () => {
    const { clock } = rig([new Date(3_000_000).toISOString()], [0]);
    const seen: (number | null)[] = [];
    const unsubscribe = clock.subscribe(() => seen.push(clock.offsetMs()));
    await clock.measure();
    unsubscribe();
    expect(seen).toEqual([2_000_000]);
  });

  it('keeps a sample from a faster round trip over a slower, noisier one, until it is a minute old', async () => {
    const { clock, advance } = rig(
      [new Date(2_000_050).toISOString(), new Date(9_000_000).toISOString(), new Date(3_000_000).toISOString()],
      [100, 900, 900],
    );
    await clock.measure();
    expect(clock.offsetMs()).toBe(1_000_000);
    await clock.measure();
    expect(clock.offsetMs()).toBe(1_000_000);
    advance(61_000);
    await clock.measure();
    expect(clock.offsetMs()).toBe(3_000_000 - (1_000_000 + 100 + 900 + 61_000 + 450));
  });

  it('keeps the last sample when a measurement fails or answers nonsense', async () => {
    let fail = false;
    let device = 0;
    const clock = createServerClock({
      deviceNow: () => device,
      fetchTime: async () => {
        if (fail) throw new Error('offline');
        device += 10;
        return new Date(500).toISOString();
      },
    });
    await clock.measure();
    expect(clock.offsetMs()).toBe(495);
    fail = true;
    await clock.measure();
    expect(clock.offsetMs()).toBe(495);
    clock.report('not a time', 0, 10);
    expect(clock.offsetMs()).toBe(495);
  });
});
