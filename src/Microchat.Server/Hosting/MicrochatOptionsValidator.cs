using Microsoft.Extensions.Options;

namespace Microchat.Server.Hosting;

/// <summary>Checks the options once at start-up, so a bad setting fails fast with a stable id.</summary>
internal sealed class MicrochatOptionsValidator : IValidateOptions<MicrochatOptions>
{
    public ValidateOptionsResult Validate(string? name, MicrochatOptions options)
    {
        var failures = new List<string>();
        if (options.MaxUploadBytes <= 0)
            failures.Add("MC0001: Microchat:MaxUploadBytes must be greater than 0.");
        if (options.EventRetention <= TimeSpan.Zero)
            failures.Add("MC0002: Microchat:EventRetention must be a positive duration.");
        if (options.HeartbeatInterval <= TimeSpan.Zero || options.HeartbeatInterval > TimeSpan.FromSeconds(15))
            failures.Add("MC0003: Microchat:HeartbeatInterval must be greater than 0 and at most 15 seconds.");
        if (options.AuthRateLimitPermits <= 0)
            failures.Add("MC0004: Microchat:AuthRateLimitPermits must be greater than 0.");
        if (options.AuthRateLimitWindow <= TimeSpan.Zero)
            failures.Add("MC0005: Microchat:AuthRateLimitWindow must be a positive duration.");
        if (options.SendRateLimitPermits <= 0)
            failures.Add("MC0007: Microchat:SendRateLimitPermits must be greater than 0.");
        if (options.SendRateLimitWindow <= TimeSpan.Zero)
            failures.Add("MC0008: Microchat:SendRateLimitWindow must be a positive duration.");
        if (options.MaxStreamsPerCaller <= 0)
            failures.Add("MC0009: Microchat:MaxStreamsPerCaller must be greater than 0.");
        if (options.SetupKey is { Length: > 0 } key && (key.Length < 16 || key.Any(char.IsControl)))
            failures.Add("MC0010: Microchat:SetupKey must be at least 16 characters with no control characters.");
        foreach (var alias in options.Administrators)
        {
            if (!Domain.AliasRules.IsValid(alias))
                failures.Add($"MC0006: Microchat:Administrators contains '{alias}', which is not a valid alias.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
