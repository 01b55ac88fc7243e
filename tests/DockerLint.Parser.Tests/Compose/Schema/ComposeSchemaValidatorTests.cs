using System.Globalization;
using DockerLint.Parser.Compose.Schema;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Tests.Compose.Schema;

/// <summary>Compose schema validation: which problem, worded how, on which span.</summary>
public sealed class ComposeSchemaValidatorTests
{
    private static (IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyDictionary<int, TextSpan> Spans) Validate(string markup)
    {
        var (text, spans) = Markup.Parse(markup);
        var file = YamlLoader.Load(text, "compose.yaml");
        Assert.That(file.Diagnostics, Is.Empty, "the test input is valid YAML");
        return (ComposeSchemaValidator.Validate(file), spans);
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static void AssertSingle(string markup, string id, string message)
    {
        var (diagnostics, spans) = Validate(markup);
        Assert.That(diagnostics.Select(d => $"{d.Id} {Message(d)}"), Is.EqualTo(new[] { $"{id} {message}" }));
        Assert.That(diagnostics[0].Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(diagnostics[0].Location.GetLineSpan().Path, Is.EqualTo("compose.yaml"));
    }

    // ---- the schema -------------------------------------------------------------------------

    [Test]
    public void The_schema_is_embedded_and_loads_without_external_references()
    {
        var text = ComposeSchema.ReadText();
        Assert.That(text, Does.Contain("\"$schema\": \"https://json-schema.org/draft-07/schema\""));
        Assert.That(text, Does.Not.Match("\"\\$ref\"\\s*:\\s*\"[^#]"), "every $ref is internal (#/definitions/...)");
        Assert.That(ComposeSchema.Instance.Definitions.Keys, Does.Contain("service").And.Contain("list_or_dict"));
        Assert.That(ComposeSchema.Instance, Is.SameAs(ComposeSchema.Instance), "loaded once");
    }

    // ---- valid files ------------------------------------------------------------------------

    [Test]
    public void A_valid_file_has_no_diagnostics()
    {
        var (diagnostics, _) = Validate("""
            name: shop
            x-logging: &logging
              driver: json-file
              options: { max-size: 10m }
            services:
              web:
                image: nginx:${TAG:-1.27}
                build:
                  context: .
                  args: { VERSION: 1.2, DEBUG: false }
                ports:
                  - "80:80"
                  - ${HTTPS_PORT:-443}:443
                  - 9000
                  - target: 8080
                    published: "${ADMIN_PORT}"
                environment:
                  A: 1
                  B: ~
                  C: true
                volumes:
                  - ./data:/data:ro
                  - type: bind
                    source: ./conf
                    target: /etc/conf
                cpus: ${CPUS}
                mem_limit: 512m
                privileged: ${PRIVILEGED:-false}
                logging: *logging
                depends_on:
                  db: { condition: service_healthy }
                healthcheck:
                  test: [CMD, curl, -f, http://localhost]
                  retries: 3
                deploy:
                  replicas: ${REPLICAS:-1}
                x-custom: anything
              db:
                <<: { image: postgres:16, restart: unless-stopped }
                command: postgres -c fsync=off
            networks:
              front:
              back: { internal: true }
            volumes:
              data:
            """);
        Assert.That(diagnostics, Is.Empty);
    }

    [Test]
    public void Reset_entries_are_dropped_before_validation_as_compose_does()
    {
        var (diagnostics, _) = Validate("services:\n  web:\n    image: nginx\n    ports: !reset null\n    environment: !override\n      A: b\n");
        Assert.That(diagnostics, Is.Empty, "ports: null would be invalid, but compose removes !reset entries first");
    }

    // ---- unknown keys -----------------------------------------------------------------------

    [Test]
    public void Unknown_service_key_is_reported_on_the_key_with_the_closest_valid_key()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    {|#0:enviroment|}:\n      A: b\n",
            "DC0011",
            "Unknown key 'enviroment' in service 'web'; did you mean 'environment'?");

    [Test]
    public void Unknown_top_level_key_suggests_the_top_level_key()
        => AssertSingle(
            "{|#0:servics|}:\n  web:\n    image: nginx\n",
            "DC0011",
            "Unknown top-level key 'servics'; did you mean 'services'?");

    [Test]
    public void Unknown_nested_key_names_its_path()
        => AssertSingle(
            "services:\n  web:\n    build:\n      {|#0:contxt|}: .\n",
            "DC0011",
            "Unknown key 'contxt' in 'services.web.build'; did you mean 'context'?");

    [Test]
    public void Unknown_key_of_a_network_names_the_network()
        => AssertSingle(
            "services: {}\nnetworks:\n  front:\n    {|#0:Driver|}: overlay\n",
            "DC0011",
            "Unknown key 'Driver' in network 'front'; did you mean 'driver'?");

    [Test]
    public void Unknown_key_with_nothing_close_has_no_suggestion()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    {|#0:wrongField|}: x\n",
            "DC0011",
            "Unknown key 'wrongField' in service 'web'");

    [Test]
    public void Version_1_file_with_services_at_the_top_level_says_so()
    {
        var (diagnostics, spans) = Validate("{|#0:web|}:\n  image: nginx\n  links: [db]\n{|#1:db|}:\n  image: postgres\n");
        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DC0011", "DC0011" }));
        Assert.That(diagnostics.Select(d => d.Location.SourceSpan), Is.EqualTo(new[] { spans[0], spans[1] }));
        Assert.That(Message(diagnostics[0]), Is.EqualTo("Unknown top-level key 'web'; services belong under 'services:' (this looks like a version 1 Compose file, which docker compose no longer reads)"));
    }

    [Test]
    public void Invalid_service_name_is_reported_on_the_name()
        => AssertSingle(
            "services:\n  {|#0:my web|}:\n    image: nginx\n",
            "DC0010",
            "'my web' is not a valid name in services; names must match ^[a-zA-Z0-9._-]+$");

    [Test]
    public void An_unknown_key_in_an_anchor_used_twice_is_reported_once_where_it_is_written()
    {
        var (diagnostics, spans) = Validate("x-base: &base\n  image: nginx\n  {|#0:restrat|}: always\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n");
        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DC0011" }));
        Assert.That(diagnostics[0].Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(Message(diagnostics[0]), Does.EndWith("did you mean 'restart'?"));
    }

    // ---- types and values -------------------------------------------------------------------

    [Test]
    public void Wrong_type_is_reported_on_the_value()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    cpus: {|#0:true|}\n",
            "DC0010",
            "services.web.cpus: expected a string or a number, found the boolean true");

    [Test]
    public void A_mapping_where_a_string_is_expected()
        => AssertSingle(
            "services:\n  broker:\n    image: {|#0:{$IMAGE}|}\n",
            "DC0010",
            "services.broker.image: expected a string, found a mapping");

    [Test]
    public void One_of_with_no_alternative_of_the_value_type_gives_one_error_listing_the_types()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    ports:\n      - {|#0:[80, 81]|}\n",
            "DC0010",
            "services.web.ports[0]: expected a number, a string or a mapping, found a list");

    [Test]
    public void One_of_through_a_reference_lists_the_types_of_the_referenced_schema()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    environment: {|#0:5|}\n",
            "DC0010",
            "services.web.environment: expected a mapping or a list, found the number 5");

    [Test]
    public void One_of_reports_inside_the_alternative_matching_the_value_type()
    {
        var (diagnostics, spans) = Validate("services:\n  web:\n    image: nginx\n    networks:\n      front:\n        aliases: {|#0:3|}\n");
        Assert.That(diagnostics.Select(Message), Is.EqualTo(new[] { "services.web.networks.front.aliases: expected a list, found the number 3" }), "the list and null alternatives are not reported");
        Assert.That(diagnostics[0].Location.SourceSpan, Is.EqualTo(spans[0]));
    }

    [Test]
    public void Unknown_key_inside_a_one_of_alternative_is_an_unknown_key()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    ports:\n      - target: 80\n        {|#0:publised|}: 8080\n",
            "DC0011",
            "Unknown key 'publised' in 'services.web.ports[0]'; did you mean 'published'?");

    [Test]
    public void Value_of_a_mapping_entry_in_a_dictionary()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    labels:\n      com.example.x: {|#0:{ a: 1 }|}\n",
            "DC0010",
            "services.web.labels['com.example.x']: expected a string, a number, a boolean or null, found a mapping");

    [Test]
    public void Empty_value_is_reported_on_its_key()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    {|#0:logging|}:\n",
            "DC0010",
            "services.web.logging: expected a mapping, found an empty value (null)");

    [Test]
    public void Value_outside_an_enumeration()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    volumes:\n      - type: {|#0:bindd|}\n        source: ./a\n        target: /a\n",
            "DC0010",
            "services.web.volumes[0].type: the string 'bindd' is not allowed; expected 'bind', 'volume', 'tmpfs', 'cluster', 'npipe' or 'image'");

    [Test]
    public void Number_below_the_minimum()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    cpu_count: {|#0:-1|}\n",
            "DC0010",
            "services.web.cpu_count: the number -1 is below the minimum 0");

    [Test]
    public void Duplicate_list_item_is_reported_on_the_repeated_item()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    cap_add:\n      - NET_ADMIN\n      - {|#0:NET_ADMIN|}\n",
            "DC0010",
            "services.web.cap_add: the string 'NET_ADMIN' is listed more than once; the items must be unique");

    [Test]
    public void Top_level_that_is_not_a_mapping()
        => AssertSingle(
            "{|#0:- web|}\n",
            "DC0010",
            "The top level: expected a mapping, found a list");

    // ---- required keys ----------------------------------------------------------------------

    [Test]
    public void Missing_required_key_in_a_list_item_is_reported_on_its_first_key()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    volumes:\n      - {|#0:source|}: ./data\n        target: /data\n",
            "DC0010",
            "services.web.volumes[0]: missing required key 'type'");

    [Test]
    public void Missing_required_key_in_a_mapping_value_is_reported_on_its_key()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    depends_on:\n      {|#0:db|}:\n        restart: true\n  db:\n    image: postgres\n",
            "DC0010",
            "services.web.depends_on.db: missing required key 'condition'");

    [Test]
    public void Missing_required_key_of_a_string_or_mapping_value()
        => AssertSingle(
            "services:\n  web:\n    image: nginx\n    {|#0:extends|}:\n      file: base.yaml\n",
            "DC0010",
            "services.web.extends: missing required key 'service'");

    [Test]
    public void Validation_is_thread_safe()
    {
        var file = YamlLoader.Load("services:\n  web:\n    imag: x\n    ports: [[1]]\n    volumes: [{source: a}]\n", "compose.yaml");
        var expected = ComposeSchemaValidator.Validate(file).Select(Message).ToList();
        Assert.That(expected, Has.Count.EqualTo(3));
        var results = new List<string>[32];
        Parallel.For(0, results.Length, i => results[i] = ComposeSchemaValidator.Validate(file).Select(Message).ToList());
        Assert.That(results, Is.All.EqualTo(expected));
    }

    // ---- documents --------------------------------------------------------------------------

    [Test]
    public void Every_document_of_a_file_is_validated()
    {
        var (diagnostics, spans) = Validate("services:\n  a:\n    image: x\n---\nservices:\n  b:\n    {|#0:imag|}: y\n");
        Assert.That(diagnostics.Select(Message), Is.EqualTo(new[] { "Unknown key 'imag' in service 'b'; did you mean 'image'?" }));
        Assert.That(diagnostics[0].Location.SourceSpan, Is.EqualTo(spans[0]));
    }

    [Test]
    public void Diagnostics_come_in_file_order_with_their_descriptors()
    {
        var (diagnostics, _) = Validate("services:\n  web:\n    image: 5\n    enviroment: {}\n    ports: 80\n");
        Assert.That(diagnostics.Select(d => d.Location.SourceSpan.Start), Is.Ordered);
        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DC0010", "DC0011", "DC0010" }));
        Assert.That(diagnostics.Select(d => d.Severity), Is.All.EqualTo(DiagnosticSeverity.Error));
    }
}
