using Microsoft.AspNetCore.Http;

namespace Microchat.Server.Errors;

/// <summary>
/// The one place domain failures become RFC 9457 problems. It also validates arguments that
/// can check themselves (paging), since those are bound before any handler runs.
/// </summary>
internal sealed class DomainExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            foreach (var argument in context.Arguments)
            {
                if (argument is ISelfValidating validating) validating.Validate();
            }
            return await next(context);
        }
        catch (DomainException e)
        {
            return ToProblem(e);
        }
        catch (Storage.StorageUnavailableException e)
        {
            // Nothing of the request was kept (a full disk, a lost database): try again later.
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Service unavailable", type: "https://tools.ietf.org/html/rfc9110#section-15.6.4");
        }
        catch (Storage.StoreFeatureUnavailableException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status501NotImplemented,
                title: "Not implemented", type: "https://tools.ietf.org/html/rfc9110#section-15.6.2");
        }
    }

    public static IResult ToProblem(DomainException e)
    {
        var status = (int)e.Error;
        return e.Errors is null
            ? TypedResults.Problem(detail: e.Message, statusCode: status, title: ProblemTitles.For(status), type: ProblemTypes.For(status))
            : TypedResults.ValidationProblem(
                e.Errors.ToDictionary(), detail: e.Message, title: ProblemTitles.For(status));
    }
}
