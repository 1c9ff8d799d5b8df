using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>
/// The one JSON setup of the wire: source-generated metadata for every contract.
/// Wire names are fixed on the contracts themselves, so a host's own JSON options
/// (camelCase, say) cannot change Microchat's snake_case.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterUserRequest))]
[JsonSerializable(typeof(CreateBotRequest))]
[JsonSerializable(typeof(CreatedBot))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(CreatedToken))]
[JsonSerializable(typeof(List<TokenInfo>))]
[JsonSerializable(typeof(ChatDetails))]
[JsonSerializable(typeof(List<ChatSummary>))]
[JsonSerializable(typeof(UpdateChatRequest))]
[JsonSerializable(typeof(MarkReadRequest))]
[JsonSerializable(typeof(Avatar))]
[JsonSerializable(typeof(List<Avatar>))]
[JsonSerializable(typeof(SetAvatarRequest))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(TypingEventData))]
[JsonSerializable(typeof(List<Message>))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(EditMessageRequest))]
[JsonSerializable(typeof(GalleryItem))]
[JsonSerializable(typeof(List<GalleryItem>))]
[JsonSerializable(typeof(CreateConferenceRequest))]
[JsonSerializable(typeof(Permissions))]
[JsonSerializable(typeof(PermissionsPatch))]
[JsonSerializable(typeof(Member))]
[JsonSerializable(typeof(List<Member>))]
[JsonSerializable(typeof(AddMemberRequest))]
[JsonSerializable(typeof(Media))]
[JsonSerializable(typeof(Contact))]
[JsonSerializable(typeof(List<Contact>))]
[JsonSerializable(typeof(AddContactRequest))]
[JsonSerializable(typeof(UpdateContactRequest))]
[JsonSerializable(typeof(MessageEventData))]
[JsonSerializable(typeof(MessageIdEventData))]
[JsonSerializable(typeof(ChatEventData))]
[JsonSerializable(typeof(MemberEventData))]
[JsonSerializable(typeof(PermissionsEventData))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(Reaction))]
[JsonSerializable(typeof(ReactionEventData))]
[JsonSerializable(typeof(List<EntitySummary>))]
[JsonSerializable(typeof(List<MessageVersion>))]
[JsonSerializable(typeof(Me))]
[JsonSerializable(typeof(SetWebhookRequest))]
[JsonSerializable(typeof(WebhookState))]
[JsonSerializable(typeof(WebhookDelivery))]
internal sealed partial class MicrochatJsonContext : JsonSerializerContext;
