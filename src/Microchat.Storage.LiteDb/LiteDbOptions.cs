namespace Microchat.Storage.LiteDb;

/// <summary>Settings of the LiteDB store.</summary>
public sealed class LiteDbOptions
{
    /// <summary>When a write is acknowledged (default: once it is in the operating system's hands).</summary>
    public LiteDbDurability Durability { get; set; } = LiteDbDurability.Default;
}
