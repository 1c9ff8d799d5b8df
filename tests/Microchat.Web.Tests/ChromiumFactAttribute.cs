namespace Microchat.Web.Tests;

/// <summary>
/// A test that drives Debian's chromium. Without /usr/bin/chromium the test is reported as
/// skipped, with the reason, instead of passing unseen. CI installs it (apt-get install chromium).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Browsers.ChromiumPath))
            Skip = $"{Browsers.ChromiumPath} is missing: install it with 'apt-get install -y chromium' to run the browser tests.";
    }
}
