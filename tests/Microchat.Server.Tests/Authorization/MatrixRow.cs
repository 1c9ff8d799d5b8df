using System.Net.Http.Json;
using Microchat.Contracts;

namespace Microchat.Server.Tests.Authorization;

/// <summary>A concrete request of one cell: the caller's token is added by the runner.</summary>
public sealed record CellRequest(HttpMethod Method, string Path, HttpContent? Body = null);

/// <summary>
/// One row of the matrix: an endpoint exactly as it is registered ("GET /api/chats/{chat}"), what it is aimed
/// at when the endpoint has more than one kind of target, how to make a cell's request, and each caller's status.
/// </summary>
public sealed record MatrixRow(string Endpoint, string? Target, Func<MatrixCell, Task<CellRequest>> Build, Expect Expected)
{
    public override string ToString() => Target is null ? Endpoint : $"{Endpoint} ({Target})";
}

/// <summary>Shorthands the row tables are written with.</summary>
public static class Rows
{
    public static MatrixRow Row(string endpoint, Func<MatrixCell, CellRequest> build, Expect expected) =>
        new(endpoint, null, cell => Task.FromResult(build(cell)), expected);

    public static MatrixRow Row(string endpoint, Func<MatrixCell, Task<CellRequest>> build, Expect expected) =>
        new(endpoint, null, build, expected);

    public static MatrixRow Row(string endpoint, string target, Func<MatrixCell, CellRequest> build, Expect expected) =>
        new(endpoint, target, cell => Task.FromResult(build(cell)), expected);

    public static MatrixRow Row(string endpoint, string target, Func<MatrixCell, Task<CellRequest>> build, Expect expected) =>
        new(endpoint, target, build, expected);

    public static CellRequest Get(string path) => new(HttpMethod.Get, path);

    public static CellRequest Delete(string path) => new(HttpMethod.Delete, path);

    public static CellRequest Post<T>(string path, T body) => new(HttpMethod.Post, path, Json(body));

    public static CellRequest Patch<T>(string path, T body) => new(HttpMethod.Patch, path, Json(body));

    /// <summary>A body written with the wire's own JSON settings, so it is valid exactly as the server reads it.</summary>
    public static JsonContent Json<T>(T body) => JsonContent.Create(body, options: MicrochatJson.Options);
}
