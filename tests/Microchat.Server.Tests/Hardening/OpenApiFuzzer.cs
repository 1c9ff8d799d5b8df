using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Microchat.Server.Tests.Hardening;

/// <summary>
/// Generates requests from the served OpenAPI document: for a random operation, fills path,
/// query and header parameters and a body from its schema, then mutates: wrong types, missing
/// and extra fields, huge and odd strings, invalid JSON, wrong content types.
/// </summary>
internal sealed class OpenApiFuzzer
{
    private readonly JsonNode _document;
    private readonly FuzzValues _values;
    private readonly Random _random;
    private readonly List<(string Method, string Path, JsonNode Operation)> _operations = [];

    public OpenApiFuzzer(JsonNode document, Random random, FuzzValues values)
    {
        _document = document;
        _random = random;
        _values = values;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "get" or "post" or "put" or "patch" or "delete") _operations.Add((method.ToUpperInvariant(), path, operation!));
            }
        }
    }

    public int OperationCount => _operations.Count;

    /// <summary>One generated request, and a short description for failure messages.</summary>
    public (HttpRequestMessage Request, string Description) Next(string? token)
    {
        var (method, template, operation) = _values.Pick(_operations);
        var path = template;
        var query = new List<string>();
        var request = new HttpRequestMessage(new HttpMethod(method), "");
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            var name = parameter!["name"]!.GetValue<string>();
            switch (parameter["in"]!.GetValue<string>())
            {
                case "path":
                    path = path.Replace("{" + name + "}", _values.PathValue(name), StringComparison.Ordinal);
                    break;
                case "query" when _values.Chance(0.6):
                    query.Add($"{name}={_values.QueryValue(parameter["schema"])}");
                    break;
                case "header" when _values.Chance(0.5):
                    request.Headers.TryAddWithoutValidation(name, Uri.EscapeDataString(_values.QueryValue(parameter["schema"])));
                    break;
            }
        }
        if (_values.Chance(0.05)) query.Add("unknown_param=" + Uri.EscapeDataString("x"));
        request.RequestUri = new Uri(path.TrimStart('/') is var p && p.StartsWith("api/", StringComparison.Ordinal)
            ? p[4..] + (query.Count > 0 ? "?" + string.Join('&', query) : "")
            : p, UriKind.Relative);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (_values.Chance(0.05)) request.Headers.TryAddWithoutValidation("Idempotency-Key", _values.Chance(0.5) ? "k" + _random.Next(20) : new string('k', 100));

        var description = $"{method} {request.RequestUri}";
        if (operation["requestBody"]?["content"] is JsonObject content)
        {
            var body = Body(content);
            request.Content = body.Content;
            description += " " + body.Description;
        }
        else if (_values.Chance(0.05))
        {
            request.Content = new StringContent("{\"unexpected\":true}", Encoding.UTF8, "application/json");
        }
        return (request, description);
    }

    private (HttpContent? Content, string Description) Body(JsonObject content)
    {
        if (content["application/json"] is { } json)
        {
            var schema = Resolve(json["schema"]);
            string text;
            var roll = _random.Next(20);
            if (roll == 0) text = "";
            else if (roll == 1) text = "{\"truncated\":";
            else if (roll == 2) text = new string('[', 200) + new string(']', 200);
            else if (roll == 3) text = "{\"a\":1,\"A\":2}";
            else text = (roll < 12 ? Valid(schema, 0) : Mutated(schema, 0))?.ToJsonString() ?? "null";
            var mediaType = _values.Chance(0.03) ? "text/plain" : "application/json";
            var shown = text.Length > 300 ? text[..300] + $"...({text.Length} chars)" : text;
            return (new StringContent(text, Encoding.UTF8, mediaType), shown);
        }
        // Uploads: some bytes under a declared type, or a wrong one, or nothing.
        var bytes = new byte[_random.Next(0, _values.Chance(0.1) ? 200_000 : 64)];
        _random.NextBytes(bytes);
        var upload = new ByteArrayContent(bytes);
        var type = _values.Pick(["image/png", "application/octet-stream", "text/plain", "video/mp4", "multipart/form-data", "bogus"]);
        upload.Headers.TryAddWithoutValidation("Content-Type", type);
        return (upload, $"<{bytes.Length} bytes as {type}>");
    }

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema?["$ref"] is { } reference; i++)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            schema = _document["components"]!["schemas"]![name];
        }
        if (schema?["oneOf"] is JsonArray one && one.Count > 0) return Resolve(_values.Pick(one.ToList()));
        if (schema?["anyOf"] is JsonArray any && any.Count > 0) return Resolve(_values.Pick(any.ToList()));
        if (schema?["allOf"] is JsonArray all && all.Count > 0) return Resolve(all[0]);
        return schema;
    }

    private static IReadOnlyList<string> Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray array => array.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList(),
        JsonValue value => [value.GetValue<string>()],
        _ => schema?["properties"] is not null ? ["object"] : ["string"],
    };

    /// <summary>A value that matches the schema, with plausible contents.</summary>
    private JsonNode? Valid(JsonNode? schema, int depth, string property = "")
    {
        schema = Resolve(schema);
        if (schema?["enum"] is JsonArray choices && choices.Count > 0) return _values.Pick(choices.ToList())?.DeepClone();
        var type = Types(schema) is { Count: > 0 } types ? _values.Pick(types) : "string";
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                var required = schema?["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
                foreach (var (name, propertySchema) in schema?["properties"]?.AsObject() ?? [])
                {
                    if (required.Contains(name) || _values.Chance(0.6)) result[name] = depth < 4 ? Valid(propertySchema, depth + 1, name) : null;
                }
                return result;
            case "array":
                var array = new JsonArray();
                var count = _random.Next(0, 4);
                for (var i = 0; i < count && depth < 4; i++) array.Add(Valid(schema?["items"], depth + 1, property));
                return array;
            case "integer":
                return JsonValue.Create(_values.Number());
            case "number":
                return JsonValue.Create(_values.Number() + 0.5);
            case "boolean":
                return JsonValue.Create(_values.Chance(0.5));
            default:
                return JsonValue.Create(_values.StringFor(property));
        }
    }

    /// <summary>The schema's value with one kind of damage: a wrong type somewhere, a missing or extra field, or a null.</summary>
    private JsonNode? Mutated(JsonNode? schema, int depth)
    {
        var value = Valid(schema, depth);
        if (value is not JsonObject obj || obj.Count == 0) return _values.WrongValue(0);
        var names = obj.Select(p => p.Key).ToList();
        switch (_random.Next(5))
        {
            case 0:
                obj.Remove(_values.Pick(names));
                break;
            case 1:
                obj[_values.Pick(names)] = _values.WrongValue(0);
                break;
            case 2:
                obj["extra_" + _random.Next(5)] = _values.WrongValue(0);
                break;
            case 3:
                foreach (var name in names) obj[name] = _values.WrongValue(0);
                break;
            default:
                obj[_values.Pick(names)] = JsonValue.Create(_values.OddString());
                break;
        }
        return obj;
    }
}
