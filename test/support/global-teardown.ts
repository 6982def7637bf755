export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __sinergiCluster?: { stop(): Promise<void> } };
  await g.__sinergiCluster?.stop();
  delete g.__sinergiCluster;
}
