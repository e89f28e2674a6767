export function EmptyState({ title, body, action }: { title: string; body: string; action?: React.ReactNode }) {
  return (
    <div className="rounded-2xl border border-dashed border-stone-300 bg-white/60 px-6 py-12 text-center">
      <div
        className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-brand-50 text-2xl"
        aria-hidden
      >
        🍵
      </div>
      <h2 className="text-base font-semibold text-stone-800">{title}</h2>
      <p className="mx-auto mt-2 max-w-sm text-sm leading-6 text-stone-500">{body}</p>
      {action && <div className="mt-6">{action}</div>}
    </div>
  );
}
