// helm-rollback's finish-at-once case (filled in once the action lands).
export function helmRollbackCase(_ctx) {
  return () => {
    throw new Error('helm-rollback bench case not written yet');
  };
}
