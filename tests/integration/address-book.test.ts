import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addresses } from '@/db/schema';
import { saveAddress } from '@/lib/addresses/save-address';
import { seedBuyer } from '../support/factories';
import { testAddress } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

// On Postgres the saves below really run at once.
describe.each(testDrivers())('address book on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('two first addresses saved at once both land, with exactly one default', async () => {
    const db = current().db;
    const buyer = await seedBuyer(db);
    const save = (detail: string) =>
      saveAddress({ db, userId: buyer.id, input: { id: null, isDefault: true, ...testAddress, detail } });
    await Promise.all([save('龙井路 1 号'), save('虎跑路 2 号'), save('满觉陇 3 号')]);
    const book = await db.select().from(addresses).where(eq(addresses.userId, buyer.id));
    expect(book).toHaveLength(3);
    expect(book.filter((address) => address.isDefault)).toHaveLength(1);
  });
});
