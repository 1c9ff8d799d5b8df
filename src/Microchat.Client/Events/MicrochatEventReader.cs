using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Turns one received event (name, id, JSON data) into its typed <see cref="MicrochatEvent"/>.</summary>
internal static class MicrochatEventReader
{
    public static MicrochatEvent Read(string id, string name, string data)
    {
        try
        {
            return name switch
            {
                EventNames.MessageCreated or EventNames.MessageEdited => new MessageEvent(id, name, Parse<MessageEventData>(data)),
                EventNames.MessageDeleted => new MessageDeletedEvent(id, name, Parse<MessageIdEventData>(data)),
                EventNames.Read => new ReadEvent(id, name, Parse<MessageIdEventData>(data)),
                EventNames.ChatUpdated or EventNames.AvatarChanged or EventNames.ChatDeleted => new ChatEvent(id, name, Parse<ChatEventData>(data)),
                EventNames.MemberAdded or EventNames.MemberRemoved => new MemberEvent(id, name, Parse<MemberEventData>(data)),
                EventNames.PermissionsChanged => new PermissionsEvent(id, name, Parse<PermissionsEventData>(data)),
                EventNames.Reset => new ResetEvent(id, name),
                _ => new UnknownEvent(id, name, data),
            };
        }
        catch (JsonException)
        {
            // A stream must not die on one event it cannot read: hand it over raw.
            return new UnknownEvent(id, name, data);
        }
    }

    private static T Parse<T>(string data) =>
        JsonSerializer.Deserialize(data, (JsonTypeInfo<T>)MicrochatJson.Options.GetTypeInfo(typeof(T)))
        ?? throw new JsonException("The event has no data.");
}
