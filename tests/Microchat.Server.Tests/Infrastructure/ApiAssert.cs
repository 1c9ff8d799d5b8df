using System.Net;
using Microchat.Client;
using Xunit;

namespace Microchat.Server.Tests.Infrastructure;

/// <summary>Asserts that the server refused a call with a given status (and, optionally, field errors).</summary>
public static class ApiAssert
{
    public static async Task<MicrochatApiException> RefusedAsync(HttpStatusCode status, Func<Task> call, params string[] fields)
    {
        var refusal = await Assert.ThrowsAsync<MicrochatApiException>(call);
        Assert.Equal(status, refusal.StatusCode);
        Assert.NotNull(refusal.Problem);
        Assert.Equal((int)status, refusal.Problem!.Status);
        foreach (var field in fields) Assert.Contains(field, refusal.Errors.Keys);
        return refusal;
    }
}
