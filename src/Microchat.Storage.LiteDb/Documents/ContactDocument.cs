namespace Microchat.Storage.LiteDb.Documents;

/// <summary>A contact as LiteDB stores it, keyed "owner:user" so add-once is a key check.</summary>
internal sealed class ContactDocument
{
    public string Id { get; set; } = "";
    public long OwnerId { get; set; }
    public long UserId { get; set; }
    public string Name { get; set; } = "";
    public string? Surname { get; set; }

    public static string KeyOf(long ownerId, long userId) => $"{ownerId}:{userId}";

    public static ContactDocument From(ContactRecord r) => new()
    {
        Id = KeyOf(r.OwnerId, r.UserId), OwnerId = r.OwnerId, UserId = r.UserId, Name = r.Name, Surname = r.Surname,
    };

    public ContactRecord ToRecord() => new() { OwnerId = OwnerId, UserId = UserId, Name = Name, Surname = Surname };
}
