// Whether a process still runs: how a writer tells debris of a killed process (a temporary file, a lock, a
// staging folder named with its pid) from the work of one that is still going.
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
