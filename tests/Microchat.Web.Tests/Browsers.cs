using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Microchat.Web.Tests;

/// <summary>Starts the system chromium (never a downloaded browser) and keeps screenshots.</summary>
public sealed class Browsers : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Where screenshots go: $MICROCHAT_SCREENSHOTS, or TestResults/screenshots in this test project.</summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("MICROCHAT_SCREENSHOTS")
        ?? Path.Combine(ProjectDirectory(), "TestResults", "screenshots");

    // The source file's folder is the project's: artifacts land beside the test, not deep in bin/.
    private static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Containers run as root without a user namespace sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh browser profile (its own localStorage) at the given window size.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1200, int height = 800) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });

    /// <summary>Saves a screenshot of the page as a test artifact.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });
    }
}
