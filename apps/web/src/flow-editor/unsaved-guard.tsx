import { useBlocker } from '@tanstack/react-router';
import type { RefObject } from 'react';

import { ConfirmDialog } from '../components/confirm-dialog';

/** Asks before leaving the editor with unsaved changes (in-app navigation and closing the tab). */
export function UnsavedGuard({ dirtyRef }: { dirtyRef: RefObject<boolean> }) {
  const blocker = useBlocker({ shouldBlockFn: () => dirtyRef.current, enableBeforeUnload: () => dirtyRef.current, withResolver: true });

  return (
    <ConfirmDialog
      open={blocker.status === 'blocked'}
      title="Leave without saving?"
      confirmLabel="Leave"
      danger
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      Your changes to this flow are not saved.
    </ConfirmDialog>
  );
}
