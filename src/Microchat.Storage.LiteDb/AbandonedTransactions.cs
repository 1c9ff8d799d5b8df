using System.Collections;
using System.Reflection;
using LiteDB;

namespace Microchat.Storage.LiteDb;

/// <summary>
/// Keeps a failed engine's transactions from crashing the process. A LiteDB 5 transaction whose
/// commit failed half-way cannot be disposed ("discarded page must be writable"), and it has a
/// finalizer that disposes it: once the engine is dropped, the garbage collector runs that finalizer
/// and the exception it throws on the finalizer thread ends the process. So its finalizer is
/// suppressed before the engine is dropped. LiteDB exposes no way to reach its transactions; this
/// reads two private fields of 5.0.x (LiteEngine._monitor, TransactionMonitor._transactions), and
/// when they are not found keeps the engine alive for good instead (a leak, never a crash).
/// </summary>
internal static class AbandonedTransactions
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;
    private static readonly List<LiteDatabase> KeptAlive = [];

    /// <summary>Makes sure no transaction of <paramref name="database"/> is ever finalized; call before disposing it.</summary>
    public static void Forget(LiteDatabase database)
    {
        if (TryFind(database) is { } transactions)
        {
            foreach (var transaction in transactions) GC.SuppressFinalize(transaction);
            return;
        }
        lock (KeptAlive) KeptAlive.Add(database);
    }

    /// <summary>The engine's open transactions, or null when LiteDB's internals are not the ones this was written for.</summary>
    internal static List<object>? TryFind(LiteDatabase database)
    {
        var engine = typeof(LiteDatabase).GetField("_engine", Instance)?.GetValue(database);
        var monitor = engine?.GetType().GetField("_monitor", Instance)?.GetValue(engine);
        if (monitor?.GetType().GetField("_transactions", Instance)?.GetValue(monitor) is not IDictionary transactions) return null;
        lock (transactions) return [.. transactions.Values.Cast<object>()];
    }
}
