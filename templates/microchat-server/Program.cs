using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Microchat: its options come from the "Microchat" section, its data from ConnectionStrings:Microchat.
builder.Services.AddMicrochat(options => builder.Configuration.GetSection("Microchat").Bind(options))
    .UseLiteDb(builder.Configuration.GetConnectionString("Microchat") ?? "Filename=microchat.db");
builder.Services.AddOpenApi(options => options.AddMicrochatDocument());

var app = builder.Build();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthChecks("/health");
app.MapMicrochat();
app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();
app.Run();
