// A reconciler process for the crash test: consumes the JetStream stream named in the
// environment into the PostgreSQL database named there until it is killed.
import { silentLogger } from '../../config/logger.ts'
import { createJetStreamQueue } from '../../queue/index.ts'
import { createReconciler } from '../../reconciler/index.ts'
import { connectPostgres } from '../../store/index.ts'

const db = await connectPostgres({ url: process.env.CHILD_PG_URL!, max: 2 })
const queue = await createJetStreamQueue({ servers: process.env.CHILD_NATS_URL!, stream: process.env.CHILD_STREAM!, ackWait: Number(process.env.CHILD_ACK_WAIT) })
// Batches on worker threads, as a reconciler with PostgreSQL applies them by default: kill -9
// takes the threads, mid-transaction, with the process.
const reconciler = createReconciler({
  db,
  queue,
  logger: silentLogger,
  batchSize: Number(process.env.CHILD_BATCH),
  heartbeatInterval: 500,
  workerThreads: { postgresUrl: process.env.CHILD_PG_URL! }
})
reconciler.start()
process.stdout.write('started\n')
process.on('SIGTERM', () => {
  void (async () => {
    await reconciler.close()
    await queue.close()
    await db.close()
    process.exit(0)
  })()
})
