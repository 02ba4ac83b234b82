import { describe, expect, test } from 'vitest';
import { makeServerFile, makeTool, writeCatalogue, type Json } from '../../../test/fixtures.ts';
import { analyseCatalogue } from '../analyse.ts';
import { toolDomain } from '../classify/domain.ts';
import { loadCatalogue } from '../../build/catalogue-files.ts';
import { relatedTools } from './related.ts';

const server = (name: string, description: string, tools: [string, string][]): Json =>
  makeServerFile({
    server: { name: `io.github.example/${name}`, title: name, description },
    tools: tools.map(([tool, about]) => makeTool({ name: tool, description: about })),
  });

function related() {
  const servers = analyseCatalogue(
    loadCatalogue(
      writeCatalogue({
        'docker.json': server('docker', 'Manage Docker containers, images and volumes on the local engine.', [
          ['pull_image', 'Pull an image from a registry.'],
          ['push_image', 'Push an image to a registry.'],
          ['tag_image', 'Tag a local image with a new name.'],
        ]),
        'registry.json': server('registry', 'A private container registry.', [
          ['copy_image', 'Copy an image between repositories of the registry.'],
        ]),
        'pictures.json': server('pictures', 'Text-to-picture models.', [
          ['generate_image', 'Generate an image from a prompt.'],
          ['edit_image', 'Edit an image with a prompt.'],
        ]),
        'flux.json': server('flux', 'Flux image generation.', [['flux_generate_image', 'Generate an image.']]),
      }),
    ),
  );
  const byName = new Map(servers.flatMap((s) => s.tools.map((t) => [t.tool.name, t] as const)));
  const map = relatedTools(servers);
  return (name: string) => (map.get(byName.get(name)!) ?? []).map((r) => r.tool.tool.name).sort();
}

describe('related tools', () => {
  const of = related();

  test("Docker's image tools are no relation of picture tools, and the reverse", () => {
    expect(of('generate_image')).toEqual(['flux_generate_image']);
    expect(of('edit_image')).toEqual(['flux_generate_image']);
    expect(of('flux_generate_image')).toEqual(['edit_image', 'generate_image']);
  });

  test('container image tools are related to each other across servers', () => {
    expect(of('pull_image')).toEqual(['copy_image']);
    expect(of('copy_image')).toEqual(['pull_image', 'push_image', 'tag_image']);
  });
});

describe("a tool's domain", () => {
  test.each([
    ['pull_image', 'Pull an image.', 'Docker engine tools.', ['container image']],
    ['generate_image', 'Generate an image.', 'Picture models.', ['image']],
    ['create_branch', 'Create a branch.', 'Serverless Postgres with branching.', ['database branch']],
    ['create_branch', 'Create a branch.', 'Git repositories.', ['branch']],
    ['get_file_by_id', 'Get a file.', '', ['file']],
    ['fetch', 'Fetch a page.', '', ['fetch']],
  ])('%s (%s, on "%s") acts on %j', (name, description, serverDescription, domain) => {
    expect(toolDomain(name, description, serverDescription)).toEqual(domain);
  });
});
