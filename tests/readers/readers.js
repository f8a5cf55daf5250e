// The real JavaScript readers of casegraph's exports: Cytoscape.js
// (headless) and graphology with graphology-gexf and graphology-graphml.
// Run by tests/cli/readers.rs as `node readers.js EXPORT_DIR` (see
// readers.py for the directory's files). Exits non-zero on a mismatch.
'use strict';

const fs = require('fs');
const path = require('path');
const cytoscape = require('cytoscape');
const {MultiDirectedGraph} = require('graphology');
const gexf = require('graphology-gexf');
const graphml = require('graphology-graphml');

const dir = process.argv[2];
const read = name => fs.readFileSync(path.join(dir, name), 'utf8');
const canonical = JSON.parse(read('canonical.json'));
const entities = new Map(canonical.entities.map(e => [e.id, e]));
const rels = new Map(canonical.relationships.map(r => [r.id, r]));
const label = r => (r.label !== undefined ? r.label : r.type.replace(/_/g, ' '));

function check(cond, msg) {
  if (!cond) {
    console.error(`MISMATCH: ${msg}`);
    process.exit(1);
  }
}

// Cytoscape.js, headless: the whole .cyjs loads and every element is there
// with its data unchanged and its classes usable by a stylesheet.
{
  const cyjs = JSON.parse(read('graph.cyjs'));
  const cy = cytoscape({headless: true, styleEnabled: false, elements: cyjs.elements});
  check(cy.nodes().length === entities.size, `cytoscape: ${cy.nodes().length} nodes`);
  check(cy.edges().length === rels.size, `cytoscape: ${cy.edges().length} edges`);
  for (const [id, e] of entities) {
    const n = cy.getElementById(id);
    check(n.nonempty() && n.isNode(), `cytoscape: node ${id} missing`);
    check(n.data('name') === e.name, `cytoscape: name of ${id}: ${n.data('name')}`);
    check(JSON.stringify(n.data('aliases')) === JSON.stringify(e.aliases || []), `cytoscape: aliases of ${id}`);
    check(n.data('description') === e.description, `cytoscape: description of ${id}`);
  }
  for (const [id, r] of rels) {
    const x = cy.getElementById(id);
    check(x.nonempty() && x.isEdge(), `cytoscape: edge ${id} missing`);
    check(x.source().id() === r.from && x.target().id() === r.to, `cytoscape: ends of ${id}`);
    check(x.data('label') === label(r), `cytoscape: label of ${id}: ${x.data('label')}`);
    check(x.hasClass(r.status), `cytoscape: class ${r.status} on ${id}`);
  }
  const people = canonical.entities.filter(e => e.kind === 'person').length;
  check(cy.$('node.person').length === people, 'cytoscape: .person selector');
  console.log(`cytoscape.js ${cytoscape.version || ''}: ${cy.nodes().length} nodes, ${cy.edges().length} edges, data and classes equal`);
}

// graphology: GEXF and GraphML into a multigraph keyed by relationship id.
function checkGraph(fmt, g, nameOf) {
  check(g.order === entities.size, `${fmt}: ${g.order} nodes, expected ${entities.size}`);
  check(g.size === rels.size, `${fmt}: ${g.size} edges, expected ${rels.size}`);
  for (const [id, e] of entities) {
    check(g.hasNode(id), `${fmt}: node ${id} missing`);
    check(nameOf(g.getNodeAttributes(id)) === e.name, `${fmt}: name of ${id}: ${nameOf(g.getNodeAttributes(id))}`);
    check(g.getNodeAttribute(id, 'description') === e.description, `${fmt}: description of ${id}`);
  }
  for (const [id, r] of rels) {
    check(g.hasEdge(id), `${fmt}: edge ${id} missing`);
    check(g.source(id) === r.from && g.target(id) === r.to, `${fmt}: ends of ${id}`);
    check(g.getEdgeAttribute(id, 'label') === label(r), `${fmt}: label of ${id}: ${g.getEdgeAttribute(id, 'label')}`);
    check(g.getEdgeAttribute(id, 'status') === r.status, `${fmt}: status of ${id}`);
  }
  console.log(`graphology ${fmt}: ${g.order} nodes, ${g.size} edges, names, labels and statuses equal`);
}

checkGraph('gexf', gexf.parse(MultiDirectedGraph, read('graph.gexf')), a => a.label);
checkGraph('graphml', graphml.parse(MultiDirectedGraph, read('graph.graphml')), a => a.name);
