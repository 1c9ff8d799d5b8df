// The sample host: an ordinary ASP.NET Core app with Microchat embedded in two lines.
var builder = WebApplication.CreateBuilder(args);

var database = builder.Configuration.GetConnectionString("Microchat")
    ?? $"Filename={Path.Combine(builder.Environment.ContentRootPath, "microchat.db")}";

builder.Services.AddMicrochat(options => builder.Configuration.GetSection("Microchat").Bind(options))
    .UseLiteDb(database, liteDb => builder.Configuration.GetSection("Microchat:LiteDb").Bind(liteDb));
builder.Services.AddOpenApi();

var app = builder.Build();
app.MapOpenApi();
app.MapMicrochat();
app.Run();

/// <summary>Lets tests start this host with WebApplicationFactory.</summary>
public partial class Program;
