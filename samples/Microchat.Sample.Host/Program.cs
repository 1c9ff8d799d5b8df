// The sample host: an ordinary ASP.NET Core app with Microchat embedded in two lines, plus the
// web chat page (wwwroot), the API reference at /scalar and a health endpoint at /health.
using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

var database = builder.Configuration.GetConnectionString("Microchat");
var microchat = builder.Services.AddMicrochat(options => builder.Configuration.GetSection("Microchat").Bind(options));
// Microchat:Storage picks the store: LiteDb (one process, one file; the default) or PostgreSql (several hosts, one database).
if (string.Equals(builder.Configuration["Microchat:Storage"], "PostgreSql", StringComparison.OrdinalIgnoreCase))
    microchat.UsePostgreSql(database ?? throw new InvalidOperationException("Microchat:Storage=PostgreSql needs ConnectionStrings:Microchat."));
else
    microchat.UseLiteDb(database ?? $"Filename={Path.Combine(builder.Environment.ContentRootPath, "microchat.db")}",
        liteDb => builder.Configuration.GetSection("Microchat:LiteDb").Bind(liteDb));
builder.Services.AddOpenApi(options => options.AddMicrochatDocument());
builder.AddTelemetryExporter();

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthChecks("/health");
app.MapMicrochat();
app.Run();

/// <summary>Lets tests start this host with WebApplicationFactory.</summary>
public partial class Program;
