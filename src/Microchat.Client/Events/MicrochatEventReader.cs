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
                EventNames.MessageCreated or EventNames.MessageEdited =>
                    new MessageEvent(id, name, Parse<MessageEventData>(data, d => d.Chat is not null && d.Message is not null)),
                EventNames.MessageDeleted => new MessageDeletedEvent(id, name, Parse<MessageIdEventData>(data, d => d.Chat is not null)),
                EventNames.Read => new ReadEvent(id, name, Parse<MessageIdEventData>(data, d => d.Chat is not null)),
                EventNames.ChatUpdated or EventNames.AvatarChanged or EventNames.ChatDeleted =>
                    new ChatEvent(id, name, Parse<ChatEventData>(data, d => d.Chat is not null)),
                EventNames.MemberAdded or EventNames.MemberRemoved =>
                    new MemberEvent(id, name, Parse<MemberEventData>(data, d => d.Chat is not null && d.Member is not null)),
                EventNames.PermissionsChanged =>
                    new PermissionsEvent(id, name, Parse<PermissionsEventData>(data, d => d.Chat is not null && d.Permissions is not null)),
                EventNames.ReactionChanged =>
                    new ReactionChangedEvent(id, name, Parse<ReactionEventData>(data, d => d.Chat is not null && d.Reactions is not null)),
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

    // The wire's JSON settings do not insist on required members, so check what the typed event promises.
    private static T Parse<T>(string data, Func<T, bool> complete) =>
        JsonSerializer.Deserialize(data, (JsonTypeInfo<T>)MicrochatJson.Options.GetTypeInfo(typeof(T))) is { } parsed && complete(parsed)
            ? parsed
            : throw new JsonException($"The event's data is not a complete {typeof(T).Name}.");
}
