/**
 * The editor side of the Sila blocks, in plain JavaScript on WordPress's globals (no
 * build step). Titles, icons and attributes come from each block.json, registered on the
 * server; this adds the sidebar controls and a placeholder. The block saves nothing but
 * its attributes (save returns null): the page gets the form when it is displayed.
 */
(function (blocks, blockEditor, components, element, i18n) {
  'use strict';

  var el = element.createElement;
  var __ = i18n.__;

  function choice(value, label) {
    return { value: value, label: label };
  }

  var headingControl = {
    name: 'heading',
    label: __('Heading', 'sila-widgets'),
    help: __('Leave empty for the default heading.', 'sila-widgets'),
  };

  // Per block: its sidebar controls (a select when there are options, else text) and a
  // sentence for the placeholder.
  var definitions = {
    'sila-widgets/complaint-form': {
      note: __('The complaint form appears here on the published page.', 'sila-widgets'),
      controls: [
        {
          name: 'kind',
          label: __('Preselected kind', 'sila-widgets'),
          options: [
            choice('', __('None (the person chooses)', 'sila-widgets')),
            choice('complaint', __('Complaint', 'sila-widgets')),
            choice('suggestion', __('Suggestion', 'sila-widgets')),
            choice('inquiry', __('Inquiry', 'sila-widgets')),
            choice('compensation', __('Compensation claim', 'sila-widgets')),
          ],
        },
        headingControl,
      ],
    },
    'sila-widgets/request-form': {
      note: __('The service request form appears here on the published page.', 'sila-widgets'),
      controls: [
        {
          name: 'audience',
          label: __('Who requests', 'sila-widgets'),
          options: [
            choice('beneficiary', __('Beneficiaries', 'sila-widgets')),
            choice('member', __('Members of the association', 'sila-widgets')),
          ],
        },
        headingControl,
      ],
    },
    'sila-widgets/rating': {
      note: __('The satisfaction rating appears here on the published page.', 'sila-widgets'),
      controls: [
        {
          name: 'scale',
          label: __('Scale', 'sila-widgets'),
          options: [
            choice('', __('The backend’s first scale', 'sila-widgets')),
            choice('csat', __('Satisfaction (1–5)', 'sila-widgets')),
            choice('nps', __('Would recommend (0–10)', 'sila-widgets')),
            choice('ces', __('Ease (1–7)', 'sila-widgets')),
          ],
        },
        {
          name: 'display',
          label: __('Satisfaction drawn as', 'sila-widgets'),
          options: [choice('stars', __('Stars', 'sila-widgets')), choice('faces', __('Faces', 'sila-widgets'))],
        },
        {
          name: 'context',
          label: __('What is rated', 'sila-widgets'),
          help: __('A short name, e.g. “food-basket-2025”. Empty: this page’s address.', 'sila-widgets'),
        },
      ],
    },
    'sila-widgets/status-lookup': {
      note: __(
        'The follow-up form appears here on the published page. Choose this page as the follow-up page in Settings → Sila.',
        'sila-widgets',
      ),
      controls: [headingControl],
    },
  };

  function control(definition, props) {
    var common = {
      key: definition.name,
      label: definition.label,
      help: definition.help,
      value: props.attributes[definition.name] || '',
      onChange: function (value) {
        var change = {};
        change[definition.name] = value;
        props.setAttributes(change);
      },
    };
    return definition.options
      ? el(components.SelectControl, Object.assign({ options: definition.options }, common))
      : el(components.TextControl, common);
  }

  Object.keys(definitions).forEach(function (name) {
    var definition = definitions[name];
    blocks.registerBlockType(name, {
      edit: function (props) {
        var type = blocks.getBlockType(name);
        return el(
          'div',
          blockEditor.useBlockProps(),
          el(
            blockEditor.InspectorControls,
            null,
            el(
              components.PanelBody,
              { title: __('Form settings', 'sila-widgets') },
              definition.controls.map(function (item) {
                return control(item, props);
              }),
            ),
          ),
          el(components.Placeholder, {
            icon: type.icon && type.icon.src,
            label: type.title,
            instructions: definition.note,
          }),
        );
      },
      save: function () {
        return null;
      },
    });
  });
})(window.wp.blocks, window.wp.blockEditor, window.wp.components, window.wp.element, window.wp.i18n);
