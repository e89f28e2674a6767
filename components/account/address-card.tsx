import type { Address } from '@/db/schema';

/** An address as a buyer reads it: who, which phone, where. */
export function AddressLines({
  address,
}: {
  address: Omit<Address, 'id' | 'userId' | 'isDefault' | 'createdAt' | 'updatedAt'>;
}) {
  return (
    <div className="min-w-0 text-sm">
      <p className="font-medium text-stone-900">
        {address.recipient} <span className="ml-2 font-normal text-stone-500">{address.phone}</span>
      </p>
      <p className="mt-1 break-words text-stone-600">
        {[address.province, address.city, address.district, address.detail].filter(Boolean).join(' ')}
      </p>
    </div>
  );
}
