using Microchat.Server.Errors;

namespace Microchat.Server.Domain;

/// <summary>Limits on the free-text fields of profiles, bots and conferences.</summary>
internal static class ProfileRules
{
    public const int MaxNameLength = 64;
    public const int MaxTitleLength = 128;
    public const int MaxBioLength = 1024;
    public const int MaxDescriptionLength = 1024;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    /// <summary>Adds an error when a required text is blank, too long or has control characters.</summary>
    public static FieldErrors RequireText(this FieldErrors errors, string? value, string field, int max) => errors
        .Require(!string.IsNullOrWhiteSpace(value), field, $"{field} is required.")
        .Require(value is null || value.Length <= max, field, $"{field} is at most {max} characters.")
        .RequireNoControlCharacters(value, field);

    /// <summary>Adds an error when an optional text is too long or has control characters.</summary>
    public static FieldErrors OptionalText(this FieldErrors errors, string? value, string field, int max) => errors
        .Require(value is null || value.Length <= max, field, $"{field} is at most {max} characters.")
        .RequireNoControlCharacters(value, field);

    public static FieldErrors RequireAlias(this FieldErrors errors, string? alias, string field = "alias") =>
        errors.Require(AliasRules.IsValid(alias), field, AliasRules.Description);
}
