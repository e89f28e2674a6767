export async function register() {
  // The edge runtime has no database; the Node server does the start-up checks.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/server/start');
    await startServer();
  }
}
