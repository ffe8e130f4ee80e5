import mongoose, { type Connection } from 'mongoose';

export interface MongoHandle {
  connection: Connection;
  /** Readiness check: rejects unless the database answers a ping. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectMongoOptions {
  /** How long to look for a server before an operation (or the first connect) fails; short, so failures surface fast. */
  serverSelectionTimeoutMS?: number;
}

/**
 * Connects mongoose's default connection, so models declared with `model()` use it.
 * The dev database is FerretDB v1: no transactions, TTL indexes, $lookup or change streams, so nothing here relies on them.
 */
export async function connectMongo(uri: string, dbName: string, options: ConnectMongoOptions = {}): Promise<MongoHandle> {
  await mongoose.connect(uri, {
    dbName,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5_000,
    // FerretDB v1 does not implement retryable writes.
    retryWrites: false,
  });
  const connection = mongoose.connection;
  return {
    connection,
    ready: async () => {
      if (connection.readyState !== mongoose.ConnectionStates.connected || !connection.db) throw new Error('MongoDB is not connected');
      await connection.db.command({ ping: 1 });
    },
    close: () => mongoose.disconnect(),
  };
}
