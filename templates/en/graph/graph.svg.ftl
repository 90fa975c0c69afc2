[#ftl output_format="XML"]
<svg xmlns="http://www.w3.org/2000/svg" width="[=svgWidth]" height="[=svgHeight]" viewBox="0 0 [=svgWidth] [=svgHeight]" font-family="serif" font-size="14">
  <defs>
    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M 0 0 L 10 5 L 0 10 z" fill="black"/>
    </marker>
  </defs>
[#list edges as e]
  <line x1="[=e.x1]" y1="[=e.y1]" x2="[=e.x2]" y2="[=e.y2]" stroke="black" stroke-width="1.3" marker-end="url(#arrow)"/>
  <text x="[=e.mx]" y="[=e.valueY]" text-anchor="middle" fill="#1a7f1a">[=e.value]</text>
  <text x="[=e.mx]" y="[=e.gradientY]" text-anchor="middle" fill="#c0201a">[=e.gradient]</text>
[/#list]
[#list nodes as n]
[#if n.gate]
  <circle cx="[=n.sx]" cy="[=n.sy]" r="18" fill="white" stroke="black" stroke-width="1.5"/>
  <text x="[=n.sx]" y="[=n.sy]" dy="5" text-anchor="middle">[=n.labelText]</text>
  <text x="[=n.sx]" y="[=n.sy]" dy="-24" text-anchor="middle" font-size="11" fill="#666">[=n.nameText]</text>
[#else]
  <text x="[=n.sx]" y="[=n.sy]" dy="5" text-anchor="middle" font-style="italic">[=n.labelText]</text>
[/#if]
[/#list]
</svg>
