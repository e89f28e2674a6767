'use client';

import { useEffect } from 'react';
import { recordLotViewAction } from '@/actions/lot-views';

/** 围观: reports the view once the page is open (the server counts each visitor once a day). */
export function RecordView({ lotId }: { lotId: number }) {
  useEffect(() => {
    void recordLotViewAction({ lotId });
  }, [lotId]);
  return null;
}
