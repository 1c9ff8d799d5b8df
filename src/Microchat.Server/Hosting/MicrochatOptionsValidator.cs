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
        foreach (var alias in options.Administrators)
        {
            if (!Domain.AliasRules.IsValid(alias))
                failures.Add($"MC0006: Microchat:Administrators contains '{alias}', which is not a valid alias.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
