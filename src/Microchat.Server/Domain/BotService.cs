using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>Creating bots: a user's programs that sign in with a token issued once, at creation.</summary>
internal sealed class BotService(
    IEntityStore entities,
    TokenService tokens,
    ChatAccess access,
    ChatDetailsPresenter details,
    UnitOfWorkRunner units,
    MicrochatClock clock)
{
    public const string TokenName = "bot";

    public async ValueTask<CreatedBot> CreateAsync(Caller caller, CreateBotRequest request, CancellationToken ct)
    {
        PermissionRules.RequireUser(caller, "create bots");
        new FieldErrors()
            .RequireAlias(request.Alias)
            .RequireText(request.Title, "title", ProfileRules.MaxTitleLength)
            .OptionalText(request.Description, "description", ProfileRules.MaxDescriptionLength)
            .ThrowIfAny();

        // The bot and its only token commit together: no bot is ever left without it.
        var (bot, token) = await units.RunAsync([caller.Id], async inner =>
        {
            var created = await entities.TryCreateAsync(new EntityRecord
        {
            Alias = request.Alias,
            Type = EntityType.Bot,
            CreatedAt = clock.Now(),
            Title = request.Title.Trim(),
            Description = TextFields.Text(request.Description),
            OwnerId = caller.Id,
            }, inner) ?? throw DomainException.Conflict($"The alias '{request.Alias}' is taken.");
            return (created, await tokens.IssueAsync(created.Id, TokenName, inner));
        }, ct);
        var view = await access.ViewAsync(caller, bot, CancellationToken.None);
        return new CreatedBot(await details.PresentAsync(caller, view!, CancellationToken.None), token.Token);
    }
}
