/** A titled card of a back-office detail page; `id` lets pagination links land on it. */
export function Section({
  id,
  title,
  action,
  children,
}: {
  id?: string;
  title: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section id={id} className="scroll-mt-4 rounded-xl border border-stone-200 bg-white p-4 shadow-sm md:p-5">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold text-stone-900">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** A table that scrolls inside its own box on a narrow screen instead of widening the page. */
export function ScrollTable({
  minWidth = 'min-w-[40rem]',
  children,
}: {
  minWidth?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="-mx-4 overflow-x-auto md:mx-0">
      <table className={`w-full ${minWidth} text-left text-sm`}>{children}</table>
    </div>
  );
}

export const thClass = 'border-b border-stone-200 bg-stone-50 px-3 py-2 text-xs font-medium text-stone-500';
export const tdClass = 'border-b border-stone-100 px-3 py-2 align-top';
