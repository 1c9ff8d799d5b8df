namespace Microchat.Server.Tests.Authorization;

/// <summary>One row's expected HTTP status for each caller.</summary>
public sealed record Expect(int Anonymous, int Stranger, int Member, int Admin, int Owner, int SiteAdministrator, int Bot)
{
    public int For(Who who) => who switch
    {
        Who.Anonymous => Anonymous,
        Who.Stranger => Stranger,
        Who.Member => Member,
        Who.Admin => Admin,
        Who.Owner => Owner,
        Who.SiteAdministrator => SiteAdministrator,
        Who.Bot => Bot,
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };
}
