import { AppLogger } from './app-logger';

/** What reaches the terminal when the server starts. */
function captured(levels: ('debug' | 'log' | 'warn' | 'error')[], write: (logger: AppLogger) => void): string {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    write(new AppLogger({ logLevels: levels, colors: false }));
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

describe('AppLogger', () => {
  it("leaves out Nest's wiring messages at the default level, keeping Sinergi's own", () => {
    const out = captured(['log', 'warn', 'error'], (l) => {
      l.log('Mapped {/api/plans, GET} route', 'RouterExplorer');
      l.log('AppModule dependencies initialized', 'InstanceLoader');
      l.log('Migrasi diterapkan: RadDrafting', 'Bootstrap');
    });
    expect(out).not.toContain('Mapped');
    expect(out).not.toContain('dependencies initialized');
    expect(out).toContain('Migrasi diterapkan: RadDrafting');
  });

  it('shows the wiring messages with LOG_LEVEL=debug', () => {
    const out = captured(['debug', 'log', 'warn', 'error'], (l) => l.log('Mapped {/api/plans, GET} route', 'RouterExplorer'));
    expect(out).toContain('Mapped {/api/plans, GET} route');
  });
});
