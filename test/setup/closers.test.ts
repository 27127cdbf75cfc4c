import { createClosers } from '../../runtime/closers';

// A runtime closes its work first (HTTP, pollers, queues and workers, newest first), then the
// database, then the shared Redis connections; a failing closer does not keep the others open.

it('closes the work newest first, then the database, then Redis, whatever the order of registering', async () => {
  const order: string[] = [];
  const closers = createClosers();
  closers.onClose(() => void order.push('data dir lock'), 'database');
  closers.onClose(() => void order.push('database'), 'database');
  closers.onClose(() => void order.push('redis: question limits'), 'redis');
  closers.onClose(() => void order.push('queues'));
  closers.onClose(() => void order.push('redis: readiness probe'), 'redis');
  closers.onClose(() => void order.push('http'));
  await closers.close();
  expect(order).toEqual([
    'http',
    'queues',
    'database',
    'data dir lock',
    'redis: readiness probe',
    'redis: question limits',
  ]);
});

it('runs every closer once even when one fails, and reports the first failure', async () => {
  const order: string[] = [];
  const closers = createClosers();
  closers.onClose(() => void order.push('database'), 'database');
  closers.onClose(() => {
    throw new Error('queue stuck');
  });
  closers.onClose(() => void order.push('http'));
  await expect(closers.close()).rejects.toThrow('queue stuck');
  await expect(closers.close()).rejects.toThrow('queue stuck');
  expect(order).toEqual(['http', 'database']);
});
