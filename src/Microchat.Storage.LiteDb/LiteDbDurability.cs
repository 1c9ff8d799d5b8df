namespace Microchat.Storage.LiteDb;

/// <summary>When a LiteDB write is acknowledged.</summary>
public enum LiteDbDurability
{
    /// <summary>Once its commit is in the operating system's hands: survives the process crashing, not the machine losing power.</summary>
    Default,

    /// <summary>Once its commit is flushed to the disk (one fsync per group commit): also survives power loss.</summary>
    Durable,
}
