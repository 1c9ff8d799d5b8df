namespace Microchat.Server.Tests.Authorization;

/// <summary>A user or bot of the matrix and the bearer token it calls with.</summary>
public sealed record Actor(long Id, string Alias, string Token)
{
    /// <summary>"@alias", as paths address it.</summary>
    public string Ref => "@" + Alias;
}
