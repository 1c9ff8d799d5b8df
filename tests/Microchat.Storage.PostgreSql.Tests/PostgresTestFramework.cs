using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("Microchat.Storage.PostgreSql.Tests.PostgresTestFramework", "Microchat.Storage.PostgreSql.Tests")]

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>
/// Every test here needs a PostgreSQL server, including the conformance tests this project
/// inherits (whose [Fact] it cannot change). Without MICROCHAT_TEST_POSTGRES each test is reported
/// as skipped, with the reason; with CI=true nothing is skipped, so a missing server fails them.
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, source, diagnostics)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var reason = TestDatabase.SkipReason;
            if (reason is null) return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            var fact = testMethod.Method.GetCustomAttributes(typeof(Xunit.FactAttribute)).FirstOrDefault();
            if (fact is null) return true;
            var testCase = new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
        }
    }
}

/// <summary>A test reported as skipped because there is no server to run it against.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    /// <summary>For the deserializer.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    /// <summary>A skipped case of <paramref name="testMethod"/>.</summary>
    public SkippedTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod,
        string reason) : base(diagnostics, display, displayOptions, testMethod)
    {
        _reason = reason;
        SkipReason = reason;
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    /// <inheritdoc />
    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    /// <inheritdoc />
    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("Reason");
        base.Deserialize(data);
    }
}
