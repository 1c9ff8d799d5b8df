using Microchat.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Microchat.Web.Tests;

/// <summary>The sample host's web page in a real (headless) chromium.</summary>
public sealed class ChatPageTests(Browsers browsers) : IClassFixture<Browsers>
{
    [ChromiumFact]
    public async Task NewUser_Registers_ThenLogsOutAndBackIn()
    {
        await using var host = new WebHost();
        await using var context = await browsers.NewContextAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);
        await Browsers.ScreenshotAsync(chat.Page, "01-login");

        var alias = WebHost.UniqueAlias("carol");
        await chat.Page.Locator("#login-toggle").ClickAsync();
        await chat.Page.Locator("#login-name").FillAsync("Carol King");
        await chat.LogInAsync(alias, WebHost.Password);
        await Expect(chat.Page.Locator("#me-title")).ToHaveTextAsync("Carol King");

        await chat.Page.Locator("#logout").ClickAsync();
        await Expect(chat.Page.Locator("[data-test=login-submit]")).ToHaveTextAsync("Log in");
        await chat.LogInAsync(alias, WebHost.Password);
        await Expect(chat.Page.Locator("#me-title")).ToHaveTextAsync("Carol King");
    }

    [ChromiumFact]
    public async Task WrongPassword_IsShown_AndKeepsTheLoginForm()
    {
        await using var host = new WebHost();
        var alias = WebHost.UniqueAlias("dave");
        await host.SignUpAsync(alias, "Dave");
        await using var context = await browsers.NewContextAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);

        await chat.Page.Locator("[data-test=login-alias]").FillAsync(alias);
        await chat.Page.Locator("[data-test=login-password]").FillAsync("not the password");
        await chat.Page.Locator("[data-test=login-submit]").ClickAsync();

        await Expect(chat.Page.Locator("#login-error")).ToHaveTextAsync("Wrong alias or password.");
        await Expect(chat.Page.Locator("[data-test=open-chat]")).ToBeHiddenAsync();
    }

    [ChromiumFact]
    public async Task Message_SentInOneBrowser_AppearsInTheOther_WithoutReloading()
    {
        await using var host = new WebHost();
        var alice = WebHost.UniqueAlias("alice");
        var bob = WebHost.UniqueAlias("bob");
        await host.SignUpAsync(alice, "Alice Liddell");
        var bobApi = await host.SignUpAsync(bob, "Bob Stone");

        await using var aliceContext = await browsers.NewContextAsync();
        await using var bobContext = await browsers.NewContextAsync();
        var alicePage = await ChatPage.OpenAsync(aliceContext, host.BaseAddress);
        var bobPage = await ChatPage.OpenAsync(bobContext, host.BaseAddress);
        await alicePage.LogInAsync(alice, WebHost.Password);
        await bobPage.LogInAsync(bob, WebHost.Password);

        await alicePage.OpenChatAsync("@" + bob);
        await alicePage.SendAsync("Hi Bob! Lunch at noon?");

        // Bob's list learns of the new dialog live, with one unread message.
        var item = bobPage.ChatItems.Filter(new() { HasText = "Alice Liddell" });
        await Expect(item).ToContainTextAsync("Hi Bob! Lunch at noon?");
        await Expect(item.Locator(".badge")).ToHaveTextAsync("1");
        await Browsers.ScreenshotAsync(bobPage.Page, "02-unread-in-list");

        await item.ClickAsync();
        await Expect(bobPage.Message("Hi Bob! Lunch at noon?")).ToBeVisibleAsync();
        await Expect(item.Locator(".badge")).ToHaveCountAsync(0);
        await bobPage.SendAsync("Sure, see you there.");

        // Each side sees the other's next message arrive while the page stays as it is.
        await Expect(alicePage.Message("Sure, see you there.")).ToBeVisibleAsync();
        await alicePage.SendAsync("Great, the usual place.");
        await Expect(bobPage.Message("Great, the usual place.")).ToBeVisibleAsync();

        // Edits and deletions made elsewhere (here: Bob's API client) arrive too.
        var bobs = (await bobApi.Messages.ListAsync("@" + alice)).Single(m => m.Text == "Sure, see you there.");
        await bobApi.Messages.EditAsync("@" + alice, bobs.Id, new EditMessageRequest("Sure, see you there (12:05?)."));
        await Expect(alicePage.Message("Sure, see you there (12:05?).")).ToContainTextAsync("edited");
        await Browsers.ScreenshotAsync(alicePage.Page, "03-conversation");
        await bobApi.Messages.DeleteAsync("@" + alice, bobs.Id);
        await Expect(alicePage.Message("12:05")).ToHaveCountAsync(0);
        await Expect(alicePage.Messages).ToHaveCountAsync(2);
    }

    [ChromiumFact]
    public async Task Photo_IsUploadedAndAttached_AndShownInlineOnBothSides()
    {
        await using var host = new WebHost();
        var alice = WebHost.UniqueAlias("alice");
        var bob = WebHost.UniqueAlias("bob");
        await host.SignUpAsync(alice, "Alice");
        await host.SignUpAsync(bob, "Bob");
        await using var aliceContext = await browsers.NewContextAsync();
        await using var bobContext = await browsers.NewContextAsync();
        var alicePage = await ChatPage.OpenAsync(aliceContext, host.BaseAddress);
        var bobPage = await ChatPage.OpenAsync(bobContext, host.BaseAddress);
        await alicePage.LogInAsync(alice, WebHost.Password);
        await bobPage.LogInAsync(bob, WebHost.Password);
        await bobPage.OpenChatAsync("@" + alice);

        await alicePage.OpenChatAsync("@" + bob);
        await alicePage.Page.Locator("#photo-input").SetInputFilesAsync(new FilePayload
        {
            Name = "sunset.png",
            MimeType = "image/png",
            Buffer = TestImages.Png(240, 160, 230, 90, 40),
        });
        await alicePage.Composer.FillAsync("The view from here");
        await alicePage.Page.Locator("[data-test=send]").ClickAsync();

        foreach (var side in new[] { alicePage, bobPage })
        {
            var photo = side.Message("The view from here").Locator("img.photo");
            await Expect(photo).ToBeVisibleAsync();
            // Loaded for real through /api/media/{id}/content?access_token=: the browser decoded it.
            await Expect(photo).ToHaveJSPropertyAsync("naturalWidth", 240);
            await Expect(photo).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/api/media/[^/]+/content\\?access_token="));
        }
        await Browsers.ScreenshotAsync(bobPage.Page, "04-photo");
    }

    [ChromiumFact]
    public async Task History_PagesBack_AsTheUserScrollsUp()
    {
        await using var host = new WebHost();
        var alice = WebHost.UniqueAlias("alice");
        var bob = WebHost.UniqueAlias("bob");
        var aliceApi = await host.SignUpAsync(alice, "Alice");
        await host.SignUpAsync(bob, "Bob");
        for (var i = 1; i <= 75; i++)
            await aliceApi.Messages.SendAsync("@" + bob, new SendMessageRequest($"Message number {i}"));

        await using var context = await browsers.NewContextAsync();
        var page = await ChatPage.OpenAsync(context, host.BaseAddress);
        await page.LogInAsync(bob, WebHost.Password);
        await page.ChatItems.First.ClickAsync();
        await Expect(page.Message("Message number 75")).ToBeVisibleAsync();
        await Expect(page.Message("Message number 1 ")).ToHaveCountAsync(0);

        // Scrolling to the top asks for the page before the oldest message shown, until the start.
        for (var attempt = 0; attempt < 10 && await page.Messages.CountAsync() < 75; attempt++)
        {
            await page.Page.Locator("#messages").EvaluateAsync("box => box.scrollTop = 0");
            await page.Page.WaitForTimeoutAsync(300);
        }
        await Expect(page.Messages).ToHaveCountAsync(75);
        await Expect(page.Messages.First).ToContainTextAsync("Message number 1");
        await Expect(page.Page.Locator("#history-status")).ToHaveTextAsync("Beginning of the conversation");
    }

    [ChromiumFact]
    public async Task PhoneWidth_ShowsOnePaneAtATime()
    {
        await using var host = new WebHost();
        var alice = WebHost.UniqueAlias("alice");
        var bob = WebHost.UniqueAlias("bob");
        var aliceApi = await host.SignUpAsync(alice, "Alice");
        await host.SignUpAsync(bob, "Bob Stone");
        await aliceApi.Messages.SendAsync("@" + bob, new SendMessageRequest("Are you on your phone?"));

        await using var context = await browsers.NewContextAsync(375, 740);
        var page = await ChatPage.OpenAsync(context, host.BaseAddress);
        await page.LogInAsync(bob, WebHost.Password);
        await Expect(page.ChatItems).ToHaveCountAsync(1);
        await Expect(page.Page.Locator(".conversation")).ToBeHiddenAsync();
        await Browsers.ScreenshotAsync(page.Page, "05-phone-list");

        await page.ChatItems.First.ClickAsync();
        await Expect(page.Page.Locator(".sidebar")).ToBeHiddenAsync();
        await page.SendAsync("Yes, typing with one thumb.");
        var width = await page.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"The page is {width}px wide at a 375px viewport.");
        await Browsers.ScreenshotAsync(page.Page, "06-phone-chat");

        await page.Page.Locator("#back").ClickAsync();
        await Expect(page.ChatItems.First).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task Reaction_IsShown_OrHiddenWhenTheServerHasNone_AndThePageKeepsWorking()
    {
        await using var host = new WebHost();
        var alice = WebHost.UniqueAlias("alice");
        var bob = WebHost.UniqueAlias("bob");
        var aliceApi = await host.SignUpAsync(alice, "Alice");
        await host.SignUpAsync(bob, "Bob");
        await aliceApi.Messages.SendAsync("@" + bob, new SendMessageRequest("React to this"));
        await using var context = await browsers.NewContextAsync();
        var page = await ChatPage.OpenAsync(context, host.BaseAddress);
        await page.LogInAsync(bob, WebHost.Password);
        await page.ChatItems.First.ClickAsync();

        var message = page.Message("React to this");
        await message.ClickAsync();
        await message.Locator("button.react").First.ClickAsync();

        // Either the server has reactions (a chip with a count appears through reaction_changed)
        // or it answers 404 and the page hides the reaction buttons; the conversation goes on.
        var chip = message.Locator(".reaction.me");
        var hidden = page.Page.Locator("body.no-reactions");
        await Expect(chip.Or(hidden)).ToHaveCountAsync(1);
        await page.SendAsync("Still chatting after that");
        Assert.Empty(await page.Page.Locator("#login").Filter(new() { Visible = true }).AllAsync());
    }

    [ChromiumFact]
    public async Task Search_FindsTheMatchingMessages_AndAResultOpensItsChat()
    {
        await using var host = new WebHost();
        var alice = WebHost.UniqueAlias("alice");
        var bob = WebHost.UniqueAlias("bob");
        var carol = WebHost.UniqueAlias("carol");
        var aliceApi = await host.SignUpAsync(alice, "Alice Liddell");
        await host.SignUpAsync(bob, "Bob Stone");
        var carolApi = await host.SignUpAsync(carol, "Carol King");
        await carolApi.Messages.SendAsync("@" + alice, new SendMessageRequest("Pineapple pizza tonight, or something else?"));
        await carolApi.Messages.SendAsync("@" + alice, new SendMessageRequest("Anything but anchovies."));
        await aliceApi.Messages.SendAsync("@" + carol, new SendMessageRequest("Pizza sounds good"));

        await using var context = await browsers.NewContextAsync();
        var page = await ChatPage.OpenAsync(context, host.BaseAddress);
        await page.LogInAsync(alice, WebHost.Password);
        await page.OpenChatAsync("@" + bob);
        await page.SendAsync("Who brings the pineapples on Saturday?");
        await page.SendAsync("See you at six.");

        // "pineapple" is a prefix of "pineapples": one hit in each dialog, nothing else.
        await page.SearchAsync("pineapple");
        await Expect(page.SearchResults).ToHaveCountAsync(2);
        await Expect(page.SearchResults.Nth(0)).ToContainTextAsync("Who brings the pineapples on Saturday?");
        await Expect(page.SearchResults.Nth(0)).ToContainTextAsync("Bob Stone");
        await Expect(page.SearchResults.Nth(0)).ToContainTextAsync("You:");
        await Expect(page.SearchResults.Nth(1)).ToContainTextAsync("Pineapple pizza tonight");
        await Expect(page.SearchResults.Nth(1)).ToContainTextAsync("Carol King");
        await Expect(page.Page.Locator("#chat-list")).ToBeHiddenAsync();
        await Browsers.ScreenshotAsync(page.Page, "07-search-results");

        await page.SearchResults.Nth(1).ClickAsync();
        await Expect(page.Page.Locator("#chat-title")).ToHaveTextAsync("Carol King");
        await Expect(page.Message("Pineapple pizza tonight")).ToBeVisibleAsync();
        await Expect(page.Message("Pizza sounds good")).ToBeVisibleAsync();
        await Browsers.ScreenshotAsync(page.Page, "08-search-opened-chat");

        // Words must all match; clearing the box brings the chat list back.
        await page.SearchAsync("pizza anchovies");
        await Expect(page.Page.Locator("#search-status")).ToContainTextAsync("No messages");
        await Expect(page.SearchResults).ToHaveCountAsync(0);
        await page.Page.Locator("[data-test=search-input]").PressAsync("Escape");
        await Expect(page.ChatItems).ToHaveCountAsync(2);
    }

    [ChromiumFact]
    public async Task EditedMessage_IsMarked_AndTheMarkListsItsEarlierVersions()
    {
        await using var host = new WebHost();
        var alice = WebHost.UniqueAlias("alice");
        var bob = WebHost.UniqueAlias("bob");
        var aliceApi = await host.SignUpAsync(alice, "Alice Liddell");
        await host.SignUpAsync(bob, "Bob Stone");
        var sent = await aliceApi.Messages.SendAsync("@" + bob, new SendMessageRequest("Meet at 5 by the fountain"));
        await aliceApi.Messages.SendAsync("@" + bob, new SendMessageRequest("Bring an umbrella"));
        await aliceApi.Messages.EditAsync("@" + bob, sent.Id, new EditMessageRequest("Meet at 6 by the fountain"));
        await aliceApi.Messages.EditAsync("@" + bob, sent.Id, new EditMessageRequest("Meet at 7 by the fountain"));

        await using var context = await browsers.NewContextAsync();
        var page = await ChatPage.OpenAsync(context, host.BaseAddress);
        await page.LogInAsync(bob, WebHost.Password);
        await page.ChatItems.First.ClickAsync();

        var edited = page.Message("Meet at 7 by the fountain");
        await Expect(page.Message("Bring an umbrella").Locator("[data-test=edited-mark]")).ToHaveCountAsync(0);
        await edited.Locator("[data-test=edited-mark]").ClickAsync();

        // The earlier texts, newest first; the current text is not one of them.
        await Expect(page.Versions).ToHaveCountAsync(2);
        await Expect(page.Versions.Nth(0)).ToContainTextAsync("Meet at 6 by the fountain");
        await Expect(page.Versions.Nth(1)).ToContainTextAsync("Meet at 5 by the fountain");
        await Expect(page.Versions.Nth(1)).ToContainTextAsync("Original");
        await Browsers.ScreenshotAsync(page.Page, "09-edit-history");

        await page.Page.SetViewportSizeAsync(375, 740);
        await Expect(page.Versions.Nth(1)).ToBeVisibleAsync();
        await Browsers.ScreenshotAsync(page.Page, "10-edit-history-phone");

        await page.Page.Locator("[data-test=versions-close]").ClickAsync();
        await Expect(page.Versions.First).ToBeHiddenAsync();
        await Expect(page.Composer).ToBeVisibleAsync();
    }
}
