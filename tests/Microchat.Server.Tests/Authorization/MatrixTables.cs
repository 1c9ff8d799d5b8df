namespace Microchat.Server.Tests.Authorization;

/// <summary>
/// The two tables. The main one aims every conference row at a private conference, where visibility matters (a
/// stranger and a site administrator who is not a member get 404), and holds every endpoint. The second aims the
/// conference rows at a public conference, where anyone may read and only members may act.
/// </summary>
internal static class MatrixTables
{
    public static IReadOnlyList<MatrixRow> PrivateConference =>
    [
        .. AccountRows.All,
        .. ChatRows.Private,
        .. AvatarRows.Private,
        .. MemberRows.Private,
        .. MessageRows.Private,
        .. FeatureRows.Private,
        .. MediaAndContactRows.All,
        .. EventRows.All,
        .. MeRows.All,
    ];

    public static IReadOnlyList<MatrixRow> PublicConference =>
    [
        .. ChatRows.Public,
        .. AvatarRows.Public,
        .. MemberRows.Public,
        .. MessageRows.Public,
        .. FeatureRows.Public,
    ];
}
