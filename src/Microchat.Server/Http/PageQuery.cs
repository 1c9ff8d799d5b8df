using Microchat.Server.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Microchat.Server.Http;

/// <summary>The <c>offset</c> and <c>count</c> every list takes; out-of-range values are a 400, never clamped.</summary>
internal readonly record struct PageQuery(
    [FromQuery(Name = "offset")] int? Offset,
    [FromQuery(Name = "count")] int? Count) : ISelfValidating
{
    public const int DefaultCount = 20;
    public const int MaxCount = 100;

    public int Skip => Offset ?? 0;

    public int Take => Count ?? DefaultCount;

    public void Validate() => new FieldErrors()
        .Require(Skip >= 0, "offset", "offset must be 0 or more.")
        .Require(Take is >= 1 and <= MaxCount, "count", $"count must be between 1 and {MaxCount}.")
        .ThrowIfAny();
}
