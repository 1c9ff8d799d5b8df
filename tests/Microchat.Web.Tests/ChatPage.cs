using Microsoft.Playwright;

namespace Microchat.Web.Tests;

/// <summary>The web page as a person uses it, through its data-test hooks only.</summary>
public sealed class ChatPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator ChatItems => Page.Locator("[data-test=chat-item]");

    public ILocator Messages => Page.Locator("[data-test=message]");

    public ILocator Composer => Page.Locator("[data-test=composer]");

    public static async Task<ChatPage> OpenAsync(IBrowserContext context, Uri baseAddress)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseAddress.ToString());
        return new ChatPage(page);
    }

    public async Task LogInAsync(string alias, string password)
    {
        await Page.Locator("[data-test=login-alias]").FillAsync(alias);
        await Page.Locator("[data-test=login-password]").FillAsync(password);
        await Page.Locator("[data-test=login-submit]").ClickAsync();
        await Assertions.Expect(Page.Locator("[data-test=open-chat]")).ToBeVisibleAsync();
    }

    public async Task OpenChatAsync(string alias)
    {
        await Page.Locator("[data-test=open-chat]").FillAsync(alias);
        await Page.Locator("[data-test=open-chat-submit]").ClickAsync();
        await Assertions.Expect(Composer).ToBeVisibleAsync();
    }

    public async Task SendAsync(string text)
    {
        await Composer.FillAsync(text);
        await Page.Locator("[data-test=send]").ClickAsync();
        await Assertions.Expect(Messages.Filter(new() { HasText = text })).ToHaveCountAsync(1);
    }

    public ILocator Message(string text) => Messages.Filter(new() { HasText = text });

    public ILocator SearchResults => Page.Locator("[data-test=search-result]");

    public ILocator Versions => Page.Locator("[data-test=version]");

    public async Task SearchAsync(string query)
    {
        await Page.Locator("[data-test=search-input]").FillAsync(query);
        await Page.Locator("[data-test=search-submit]").ClickAsync();
    }
}
