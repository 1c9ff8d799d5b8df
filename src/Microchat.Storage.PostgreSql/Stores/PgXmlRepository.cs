using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// The data-protection keys in <c>data_protection_keys</c>, so every host on the database reads
/// the same keys and one host's protected responses open on another. The interface is
/// synchronous; each call uses a connection of its own, never a unit's.
/// </summary>
internal sealed class PgXmlRepository(PgDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        database.EnsureSchemaAsync().GetAwaiter().GetResult();
        using var connection = database.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY name", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        database.EnsureSchemaAsync().GetAwaiter().GetResult();
        using var connection = database.DataSource.OpenConnection();
        using var command = new NpgsqlCommand(
            "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
