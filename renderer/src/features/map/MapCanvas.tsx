/**
 * The drawn map: one cytoscape instance per mount (canvas renderer), created empty, fed new
 * elements when the data changes (labels alone are updated in place, without a new layout),
 * and destroyed on unmount. Persons are dots in their stage's colour, agencies grey rounded
 * boxes; relationships are styled by kind. React state owns "selected" and "highlighted":
 * they reach the canvas as classes.
 *
 * CSP: cytoscape puts a <style> in <head> unless an element with its stylesheet id exists;
 * style-src 'self' would refuse it, so a marker takes its place and map.css carries the one
 * rule it would have added. Cytoscape's own sizing goes through element.style (CSSOM).
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { MapModel } from './map-model.ts';
import { stageColour } from './stage-colours.ts';

const STYLESHEET_MARKER = '__________cytoscape_stylesheet';

function claimStylesheetSlot(): void {
  if (document.getElementById(STYLESHEET_MARKER)) return;
  const marker = document.createElement('meta');
  marker.id = STYLESHEET_MARKER;
  marker.name = 'cytoscape-style';
  marker.content = 'map.css';
  document.head.append(marker);
}

const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';
const TEXT = '#17202b';
const MUTED = '#566170';
const LINE = '#6b7685';
const HIGHLIGHT = '#2b78d8';

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 12,
      color: TEXT,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '130px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'min-zoomed-font-size': 6,
    },
  },
  {
    selector: 'node.person',
    style: {
      'background-color': 'data(colour)',
      width: 22,
      height: 22,
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  {
    selector: 'node.focus',
    style: {
      width: 36,
      height: 36,
      'border-width': 4,
      'border-color': TEXT,
      'font-size': 13,
      'font-weight': 'bold',
      'text-max-width': '220px',
    },
  },
  {
    selector: 'node.agency',
    style: {
      shape: 'round-rectangle',
      width: 30,
      height: 18,
      'background-color': '#eef1f5',
      'border-width': 2,
      'border-color': '#8a96a6',
      color: MUTED,
      'font-style': 'italic',
      'font-size': 10,
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.6,
      'line-color': LINE,
      'target-arrow-color': LINE,
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 9,
      color: MUTED,
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 8,
      'arrow-scale': 1.1,
    },
  },
  {
    selector: 'edge.subordinate_of',
    style: {
      width: 2.2,
      'line-color': '#3d4754',
      'target-arrow-color': '#3d4754',
      'target-arrow-shape': 'triangle',
    },
  },
  {
    selector: 'edge.introduced_by',
    style: { 'line-style': 'dashed', 'target-arrow-shape': 'vee' },
  },
  {
    selector: 'edge.influences',
    style: { 'line-style': 'dotted', width: 2.2, 'target-arrow-shape': 'triangle' },
  },
  {
    selector: 'edge.works_at',
    style: { width: 1, 'line-color': '#b8c1cc', label: '', 'target-arrow-shape': 'none' },
  },
  {
    selector: 'node.picked',
    style: {
      'border-width': 4,
      'border-color': HIGHLIGHT,
      'underlay-color': HIGHLIGHT,
      'underlay-opacity': 0.18,
      'underlay-padding': 6,
    },
  },
  { selector: '.faded', style: { opacity: 0.22 } },
  { selector: 'node.route', style: { 'border-width': 4, 'border-color': HIGHLIGHT } },
  {
    selector: 'edge.route',
    style: {
      width: 4,
      'line-color': HIGHLIGHT,
      'target-arrow-color': HIGHLIGHT,
      color: TEXT,
      'font-weight': 'bold',
      'z-index': 10,
    },
  },
];

/**
 * The whole network (the most connected persons the core chose, at most MAP_BUDGET): a
 * force-directed layout with a bounded number of iterations, fewer the more nodes there are,
 * so laying out takes a fraction of a second on a slow machine (issue 15: a 1,500-iteration
 * layout of 300 persons took 12–17 s).
 */
export function wholeNetworkLayout(nodes: number): cytoscape.LayoutOptions {
  return {
    name: 'cose',
    animate: false,
    randomize: true,
    nodeRepulsion: () => 24000,
    nodeOverlap: 20,
    idealEdgeLength: () => 60,
    edgeElasticity: () => 100,
    // Strong gravity and tight spacing keep the separate groups close, so fitting the
    // drawing to the frame leaves the names large enough to read.
    gravity: 1.2,
    numIter: Math.min(1000, Math.max(100, Math.round(20000 / Math.max(1, nodes)))),
    componentSpacing: 30,
    padding: 24,
  };
}

export interface MapCanvasProps {
  model: MapModel;
  /** The label of a node (person or agency) and of an edge, in the current language. */
  nodeLabel: (id: string) => string;
  edgeLabel: (kind: MapModel['edges'][number]['kind']) => string;
  selectedId: string | null;
  highlight: { nodeIds: string[]; edgeIds: string[] } | null;
  onSelect: (id: string) => void;
  onCentre: (personId: number) => void;
  /** The accessible description of the drawing (role=img). */
  summary: string;
}

export function MapCanvas({
  model,
  nodeLabel,
  edgeLabel,
  selectedId,
  highlight,
  onSelect,
  onCentre,
  summary,
}: MapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const handlers = useRef({ onSelect, onCentre, model });
  useEffect(() => {
    handlers.current = { onSelect, onCentre, model };
  });

  // One instance per mount.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    claimStylesheetSlot();
    const cy = cytoscape({
      container: element,
      style: STYLE,
      elements: [],
      minZoom: 0.15,
      maxZoom: 2.5,
      autounselectify: true,
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', (event) => {
      handlers.current.onSelect((event.target as cytoscape.NodeSingular).id());
    });
    cy.on('dbltap', 'node.person', (event) => {
      const person = handlers.current.model.persons.get(
        (event.target as cytoscape.NodeSingular).id(),
      );
      if (person) handlers.current.onCentre(person.personId);
    });
    const resize = new ResizeObserver(() => {
      cy.resize();
    });
    resize.observe(element);
    cyRef.current = cy;
    return () => {
      resize.disconnect();
      cyRef.current = null;
      cy.destroy();
    };
  }, []);

  // New data: new elements and a new layout; the same elements: new labels only.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const ids = [
      ...model.persons.keys(),
      ...model.agencies.keys(),
      ...model.edges.map((edge) => edge.id),
    ];
    const same =
      cy.elements().length === ids.length && ids.every((id) => cy.getElementById(id).nonempty());
    if (same) {
      cy.batch(() => {
        cy.nodes().forEach((node) => {
          node.data('label', nodeLabel(node.id()));
        });
        for (const edge of model.edges)
          cy.getElementById(edge.id).data('label', edgeLabel(edge.kind));
      });
      return;
    }
    const focusId = model.focus?.id;
    cy.batch(() => {
      cy.elements().remove();
      cy.add([
        ...[...model.persons.values()].map((person) => ({
          group: 'nodes' as const,
          data: { id: person.id, label: nodeLabel(person.id), colour: stageColour(person.stage) },
          classes: person.id === focusId ? 'person focus' : 'person',
        })),
        ...[...model.agencies.values()].map((agency) => ({
          group: 'nodes' as const,
          data: { id: agency.id, label: nodeLabel(agency.id) },
          classes: 'agency',
        })),
        ...model.edges.map((edge) => ({
          group: 'edges' as const,
          data: {
            id: edge.id,
            source: edge.source,
            target: edge.target,
            label: edgeLabel(edge.kind),
          },
          classes: edge.kind,
        })),
      ]);
    });
    const deepest = Math.max(0, ...model.distance.values());
    // Rings around the focus person, one per step; labels are not part of the node sizes
    // (that would push the rings so far apart that fitting would shrink the labels away),
    // the spacing leaves room for them instead.
    const layout: cytoscape.LayoutOptions = model.focus
      ? {
          name: 'concentric',
          concentric: (node) => deepest + 1 - (model.distance.get(node.id()) ?? deepest + 1),
          levelWidth: () => 1,
          minNodeSpacing: 72,
          // Off the vertical, so no neighbour sits on the focus person's label.
          startAngle: (3 / 2) * Math.PI + Math.PI / 5,
          animate: false,
          padding: 24,
        }
      : wholeNetworkLayout(cy.nodes().length);
    cy.layout(layout).run();
    cy.fit(undefined, 32);
    // For tests and measurements: how many nodes the last finished layout placed.
    container.current?.setAttribute('data-laid-out', String(cy.nodes().length));
    // A handful of persons should not be blown up to poster size.
    if (cy.zoom() > 1.25) {
      cy.zoom(1.25);
      cy.center();
    }
  }, [model, nodeLabel, edgeLabel]);

  // Selection and the highlighted route, as classes.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('picked route faded');
      if (selectedId) cy.getElementById(selectedId).addClass('picked');
      if (highlight) {
        const on = new Set([...highlight.nodeIds, ...highlight.edgeIds]);
        cy.elements().forEach((element) => {
          element.addClass(on.has(element.id()) ? 'route' : 'faded');
        });
      }
    });
  }, [selectedId, highlight, model]);

  return (
    <div className="map__canvas-frame" role="img" aria-label={summary}>
      <div ref={container} className="map__canvas" />
    </div>
  );
}
