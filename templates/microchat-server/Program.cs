using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Microchat: its options come from the "Microchat" section, its data from ConnectionStrings:Microchat.
#if (UsePostgreSql)
// Every host given the same PostgreSQL database serves the same chats (see the README on several hosts).
builder.Services.AddMicrochat(options => builder.Configuration.GetSection("Microchat").Bind(options))
    .UsePostgreSql(builder.Configuration.GetConnectionString("Microchat")
        ?? throw new InvalidOperationException("Set ConnectionStrings:Microchat to the PostgreSQL database."));
#else
builder.Services.AddMicrochat(options => builder.Configuration.GetSection("Microchat").Bind(options))
    .UseLiteDb(builder.Configuration.GetConnectionString("Microchat") ?? "Filename=microchat.db");
#endif
builder.Services.AddOpenApi(options => options.AddMicrochatDocument());

var app = builder.Build();
// The web chat page (wwwroot/index.html) at /: it talks to the API below like any other client.
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthChecks("/health");
app.MapMicrochat();
app.Run();
