using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microchat.Server.Errors;

/// <summary>
/// Gives a problem body to the failures the framework answers before any Microchat code runs:
/// a malformed or missing JSON body, a route or query value that does not parse. It wraps each
/// Microchat endpoint's request delegate, so the host's endpoints and middleware stay untouched
/// (a host's developer exception page would otherwise answer in plain text).
/// </summary>
internal static class BindingFailureProblems
{
    public static RequestDelegate Wrap(RequestDelegate inner) => async context =>
    {
        try
        {
            await inner(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(BindingFailureProblems))
                .LogDebug(e, "Bad request to a Microchat endpoint");
            context.Response.Clear();
            if (e.StatusCode == StatusCodes.Status400BadRequest && BindingFailureFields.Describe(e.Message) is var (field, message))
            {
                context.Response.StatusCode = e.StatusCode;
                await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
                    detail: "The request is not valid.", title: ProblemTitles.For(e.StatusCode)).ExecuteAsync(context);
                return;
            }
            await WriteAsync(context, e.StatusCode, Detail(context.Request, e));
            return;
        }

        // Without a thrown exception (the framework's default outside Development) a binding
        // failure leaves a bare status code.
        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentType is null)
            await WriteAsync(context, context.Response.StatusCode, null);
    };

    // The framework's messages name the parameter that failed and never echo the body.
    private static string Detail(HttpRequest request, BadHttpRequestException e)
    {
        if (e.InnerException is System.Text.Json.JsonException json)
            return $"The request body is not valid JSON for this endpoint (at {json.Path ?? "$"}).";
        if (e.Message.Contains("no body was provided", StringComparison.Ordinal))
            return "A JSON request body is required.";
        return e.Message;
    }

    public static Task WriteAsync(HttpContext context, int status, string? detail)
    {
        context.Response.StatusCode = status;
        return TypedResults.Problem(detail: detail, statusCode: status, title: ProblemTitles.For(status), type: ProblemTypes.For(status))
            .ExecuteAsync(context);
    }
}
