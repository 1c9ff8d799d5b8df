using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Errors;
using Microchat.Server.Http;
using Microchat.Storage;
using Xunit;

namespace Microchat.Server.Tests.Conferences;

/// <summary>The conference rules on their own, without HTTP: one fact per rule of API.md and of docs/decisions.md.</summary>
public sealed class PermissionRulesTests
{
    private const long OwnerId = 1, AdminId = 2, MemberId = 3, OtherId = 4, StrangerId = 5;

    private static readonly MemberRecord Owner = MemberOf(OwnerId, Permissions.All, isOwner: true);
    private static readonly MemberRecord Admin = MemberOf(AdminId, Permissions.Participant with { Admin = true });
    private static readonly MemberRecord Plain = MemberOf(MemberId, Permissions.Participant);
    private static readonly MemberRecord Other = MemberOf(OtherId, Permissions.Participant);

    private static MemberRecord MemberOf(long id, Permissions flags, bool isOwner = false, bool active = true) => new()
    {
        ConferenceId = 100, EntityId = id, IsOwner = isOwner, Permissions = flags, JoinedAt = default, Active = active,
    };

    private static EntityRecord Entity(long id, EntityType type, long? ownerId = null, bool isPrivate = false) => new()
    {
        Id = id, Alias = $"e{id}", Type = type, CreatedAt = default, OwnerId = ownerId, IsPrivate = isPrivate,
    };

    // What ChatAccess would give: a current member's effective flags, or a reader's read-only view.
    private static ChatView ViewBy(MemberRecord? membership, bool isPrivate = false) => new()
    {
        Target = Entity(100, EntityType.Conference, OwnerId, isPrivate),
        Key = ChatKey.Conference(100),
        Permissions = membership is { Active: true } m ? PermissionRules.EffectiveOf(m) : Permissions.ReadOnly,
        Membership = membership,
    };

    private static ChatView DialogWith(EntityRecord other) => new() { Target = other, Key = ChatKey.Dialog(9, other.Id), Permissions = Permissions.Participant };

    private static Caller CallerOf(long id, EntityType type = EntityType.User, bool administrator = false) => new(id, type, 1, administrator);

    private static DomainError Refusal(Action check) => Assert.Throws<DomainException>(check).Error;

    [Fact]
    public void Roles_AndEffectiveFlags_FollowOwnershipAndTheAdminFlag()
    {
        Assert.Equal(MemberRole.Owner, PermissionRules.RoleOf(Owner with { Permissions = Permissions.None }));
        Assert.Equal(Permissions.All, PermissionRules.EffectiveOf(Owner with { Permissions = Permissions.None }));
        Assert.Equal(MemberRole.Admin, PermissionRules.RoleOf(Admin));
        Assert.Equal(MemberRole.Member, PermissionRules.RoleOf(Plain));
        Assert.True(PermissionRules.IsAdmin(Owner));
        Assert.True(PermissionRules.IsAdmin(Admin));
        Assert.False(PermissionRules.IsAdmin(Plain));
        Assert.False(PermissionRules.IsAdmin(Admin with { Active = false }));
        Assert.False(PermissionRules.IsAdmin(null));
    }

    [Fact]
    public void ConferenceOnlyRules_TreatADialogAsNotFound()
    {
        var dialog = DialogWith(Entity(7, EntityType.User));

        Assert.Equal(DomainError.NotFound, Refusal(() => PermissionRules.RequireMember(dialog)));
        Assert.Equal(DomainError.NotFound, Refusal(() => PermissionRules.CheckReadMembers(dialog)));
        Assert.Equal(DomainError.NotFound, Refusal(() => PermissionRules.CheckAdd(dialog, 9, Entity(9, EntityType.User), "alias")));
    }

    [Fact]
    public void Bots_MayNotCreate_UsersMay()
    {
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.RequireUser(CallerOf(1, EntityType.Bot), "create bots")));
        PermissionRules.RequireUser(CallerOf(1), "create bots");
    }

    [Fact]
    public void Permissions_AreShownToMembersOnly()
    {
        PermissionRules.RequireMember(ViewBy(Plain));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.RequireMember(ViewBy(null))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.RequireMember(ViewBy(Plain with { Active = false }))));
    }

    [Fact]
    public void Members_AreListedToReaders_IncludingAPublicConferencesNonMembers()
    {
        PermissionRules.CheckReadMembers(ViewBy(null));
        PermissionRules.CheckReadMembers(ViewBy(Plain));
        var muted = Plain with { Permissions = Permissions.Participant with { Read = false } };
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckReadMembers(ViewBy(muted))));
    }

    [Fact]
    public void Defaults_AreEditedWithEditConference_AndNeverIncludeAdmin()
    {
        var editor = Plain with { Permissions = Permissions.Participant with { EditConference = true } };

        PermissionRules.CheckEditDefaults(ViewBy(editor), new PermissionsPatch(Delete: true, Admin: false));
        PermissionRules.CheckEditDefaults(ViewBy(Owner), new PermissionsPatch(Send: false));
        Assert.Equal(DomainError.Invalid, Refusal(() => PermissionRules.CheckEditDefaults(ViewBy(Owner), new PermissionsPatch(Admin: true))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditDefaults(ViewBy(Admin), new PermissionsPatch(Send: false))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditDefaults(ViewBy(Plain), new PermissionsPatch(Send: false))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditDefaults(ViewBy(null), new PermissionsPatch(Send: false))));
    }

    [Fact]
    public void Add_OthersNeedsAddUser_JoiningAPublicConferenceDoesNot()
    {
        var adder = Plain with { Permissions = Permissions.Participant with { AddUser = true } };
        var stranger = Entity(StrangerId, EntityType.User);

        PermissionRules.CheckAdd(ViewBy(adder), MemberId, stranger, "alias");
        PermissionRules.CheckAdd(ViewBy(adder), MemberId, Entity(StrangerId, EntityType.Bot), "alias");
        PermissionRules.CheckAdd(ViewBy(null), StrangerId, stranger, "alias");
        PermissionRules.CheckAdd(ViewBy(null), StrangerId, Entity(StrangerId, EntityType.Bot), "alias");
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckAdd(ViewBy(Plain), MemberId, stranger, "alias")));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckAdd(ViewBy(null), OtherId, stranger, "alias")));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckAdd(ViewBy(null, isPrivate: true), StrangerId, stranger, "alias")));
    }

    [Fact]
    public void Add_AConference_IsInvalid_WhoeverAsks()
    {
        var error = Assert.Throws<DomainException>(() => PermissionRules.CheckAdd(ViewBy(Owner), OwnerId, Entity(200, EntityType.Conference), "id"));

        Assert.Equal(DomainError.Invalid, error.Error);
        Assert.Contains("id", error.Errors!.Keys);
    }

    [Fact]
    public void Leave_IsForAnyMemberButTheOwner()
    {
        Assert.Same(Plain, PermissionRules.CheckRemove(ViewBy(Plain), MemberId, MemberId, Plain, "@e3"));
        Assert.Same(Admin, PermissionRules.CheckRemove(ViewBy(Admin), AdminId, AdminId, Admin, "@e2"));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckRemove(ViewBy(Owner), OwnerId, OwnerId, Owner, "@e1")));
        Assert.Equal(DomainError.NotFound, Refusal(() => PermissionRules.CheckRemove(ViewBy(null), StrangerId, StrangerId, null, "@e5")));
    }

    [Fact]
    public void Remove_OthersNeedsRemoveUser_NeverTheOwner_AndAnAdminOnlyByTheOwner()
    {
        var remover = Plain with { Permissions = Permissions.Participant with { RemoveUser = true } };
        var removingAdmin = Admin with { Permissions = Admin.Permissions with { RemoveUser = true } };

        Assert.Same(Other, PermissionRules.CheckRemove(ViewBy(remover), MemberId, OtherId, Other, "@e4"));
        Assert.Same(Admin, PermissionRules.CheckRemove(ViewBy(Owner), OwnerId, AdminId, Admin, "@e2"));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckRemove(ViewBy(Plain), MemberId, OtherId, Other, "@e4")));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckRemove(ViewBy(Admin), AdminId, OtherId, Other, "@e4")));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckRemove(ViewBy(null), StrangerId, OtherId, Other, "@e4")));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckRemove(ViewBy(removingAdmin), AdminId, OwnerId, Owner, "@e1")));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckRemove(ViewBy(remover), MemberId, AdminId, Admin, "@e2")));
        Assert.Equal(DomainError.NotFound, Refusal(() => PermissionRules.CheckRemove(ViewBy(remover), MemberId, StrangerId, null, "@e5")));
        Assert.Equal(DomainError.NotFound,
            Refusal(() => PermissionRules.CheckRemove(ViewBy(remover), MemberId, OtherId, Other with { Active = false }, "@e4")));
    }

    [Fact]
    public void EditMember_IsForAdmins_NeverOnTheOwnerOrThemselves()
    {
        var patch = new PermissionsPatch(Send: false);
        var everythingButAdmin = Plain with { Permissions = Permissions.All with { Admin = false } };

        Assert.Same(Plain, PermissionRules.CheckEditMember(ViewBy(Admin), AdminId, Plain, "@e3", patch));
        Assert.Same(Plain, PermissionRules.CheckEditMember(ViewBy(Owner), OwnerId, Plain, "@e3", patch));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditMember(ViewBy(everythingButAdmin), MemberId, Other, "@e4", patch)));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditMember(ViewBy(null), StrangerId, Other, "@e4", patch)));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditMember(ViewBy(Admin), AdminId, Owner, "@e1", patch)));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditMember(ViewBy(Owner), OwnerId, Owner, "@e1", patch)));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditMember(ViewBy(Admin), AdminId, Admin, "@e2", patch)));
        Assert.Equal(DomainError.NotFound, Refusal(() => PermissionRules.CheckEditMember(ViewBy(Admin), AdminId, null, "@e5", patch)));
    }

    [Fact]
    public void EditMember_OnlyTheOwnerGrantsOrTakesAdmin_ButEchoingItIsHarmless()
    {
        var otherAdmin = Other with { Permissions = Permissions.Participant with { Admin = true } };

        PermissionRules.CheckEditMember(ViewBy(Owner), OwnerId, Plain, "@e3", new PermissionsPatch(Admin: true));
        PermissionRules.CheckEditMember(ViewBy(Owner), OwnerId, otherAdmin, "@e4", new PermissionsPatch(Admin: false));
        PermissionRules.CheckEditMember(ViewBy(Admin), AdminId, Plain, "@e3", new PermissionsPatch(Admin: false, Delete: true));
        PermissionRules.CheckEditMember(ViewBy(Admin), AdminId, otherAdmin, "@e4", new PermissionsPatch(Admin: true, Send: false));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditMember(ViewBy(Admin), AdminId, Plain, "@e3", new PermissionsPatch(Admin: true))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditMember(ViewBy(Admin), AdminId, otherAdmin, "@e4", new PermissionsPatch(Admin: false))));
    }

    [Fact]
    public void EditDetails_IsForTheUserThemself_TheBotsOwner_AndEditConferenceHolders()
    {
        var user = Entity(7, EntityType.User);
        var bot = Entity(8, EntityType.Bot, ownerId: 7);
        var editor = Plain with { Permissions = Permissions.Participant with { EditConference = true } };

        PermissionRules.CheckEditDetails(CallerOf(7), DialogWith(user));
        PermissionRules.CheckEditDetails(CallerOf(7), DialogWith(bot));
        PermissionRules.CheckEditDetails(CallerOf(MemberId), ViewBy(editor));
        PermissionRules.CheckEditDetails(CallerOf(OwnerId), ViewBy(Owner));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditDetails(CallerOf(9), DialogWith(user))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditDetails(CallerOf(9, administrator: true), DialogWith(user))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditDetails(CallerOf(8, EntityType.Bot), DialogWith(bot))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditDetails(CallerOf(AdminId), ViewBy(Admin))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckEditDetails(CallerOf(StrangerId), ViewBy(null))));
    }

    [Fact]
    public void Delete_IsForTheUserThemself_TheOwner_AndSiteAdministrators()
    {
        var user = Entity(7, EntityType.User);
        var bot = Entity(8, EntityType.Bot, ownerId: 7);
        var conference = ViewBy(Owner).Target;

        PermissionRules.CheckDelete(CallerOf(7), user, DialogWith(user));
        PermissionRules.CheckDelete(CallerOf(7), bot, DialogWith(bot));
        PermissionRules.CheckDelete(CallerOf(OwnerId), conference, ViewBy(Owner));
        PermissionRules.CheckDelete(CallerOf(9, administrator: true), user, DialogWith(user));
        PermissionRules.CheckDelete(CallerOf(9, administrator: true), conference, null);
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckDelete(CallerOf(9), user, DialogWith(user))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckDelete(CallerOf(8, EntityType.Bot), bot, DialogWith(bot))));
        Assert.Equal(DomainError.Forbidden, Refusal(() => PermissionRules.CheckDelete(CallerOf(AdminId), conference, ViewBy(Admin))));
        Assert.Equal(DomainError.NotFound, Refusal(() => PermissionRules.CheckDelete(CallerOf(StrangerId), conference, null)));
    }
}
