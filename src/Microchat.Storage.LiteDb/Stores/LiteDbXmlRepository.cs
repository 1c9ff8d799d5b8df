using System.Xml.Linq;
using LiteDB;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// The host's data-protection keys, kept in the database beside the data they protect (remembered
/// responses), so they move, back up and restore with it instead of living in one user's profile.
/// </summary>
internal sealed class LiteDbXmlRepository(LiteDbStorage storage) : IXmlRepository
{
    private const string Collection = "data_protection_keys";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        storage.Read(db => db.GetCollection(Collection).FindAll().Select(d => XElement.Parse(d["xml"].AsString)).ToList());

    public void StoreElement(XElement element, string friendlyName) =>
        storage.Write(db => db.GetCollection(Collection).Upsert(new BsonDocument
        {
            ["_id"] = friendlyName,
            ["xml"] = element.ToString(SaveOptions.DisableFormatting),
        }));
}
