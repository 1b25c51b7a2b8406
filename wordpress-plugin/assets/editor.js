/**
 * Embeds for Mobilizon — the four blocks in the editor: settings in the sidebar, a preview rendered
 * by the server (the same HTML visitors without JavaScript get). Plain script on WordPress's
 * globals, no build step; its dependencies are listed in editor.asset.php.
 *
 * @param {Object} wp WordPress's script globals.
 */
( function ( wp ) {
	'use strict';

	const el = wp.element.createElement;
	const __ = wp.i18n.__;
	const InspectorControls = wp.blockEditor.InspectorControls;
	const useBlockProps = wp.blockEditor.useBlockProps;
	const PanelBody = wp.components.PanelBody;
	const TextControl = wp.components.TextControl;
	const SelectControl = wp.components.SelectControl;
	const ToggleControl = wp.components.ToggleControl;
	const ServerSideRender = wp.serverSideRender;

	function choice( label, value ) {
		return { label, value };
	}

	const byDefault = __( 'Default', 'embeds-for-mobilizon' );

	// The elements' attributes, in the order the sidebar shows them.
	const common = [
		{
			name: 'instance',
			label: __(
				'Instance (empty: the one in Settings → Mobilizon)',
				'embeds-for-mobilizon'
			),
		},
		{
			name: 'locale',
			label: __( "Language (empty: the site's)", 'embeds-for-mobilizon' ),
		},
		{
			name: 'timezone',
			label: __(
				'Time zone: event, local, or a zone such as Europe/Paris',
				'embeds-for-mobilizon'
			),
		},
		{
			name: 'theme',
			label: __( 'Colours', 'embeds-for-mobilizon' ),
			options: [
				choice( byDefault, '' ),
				choice(
					__( "Follow the visitor's system", 'embeds-for-mobilizon' ),
					'auto'
				),
				choice( __( 'Light', 'embeds-for-mobilizon' ), 'light' ),
				choice( __( 'Dark', 'embeds-for-mobilizon' ), 'dark' ),
			],
		},
		{
			name: 'ownColors',
			label: __(
				"Own colours and font, not the theme's",
				'embeds-for-mobilizon'
			),
			toggle: true,
		},
		{
			name: 'heading-level',
			label: __(
				'Heading level of its title, 1 to 6 (empty: 2)',
				'embeds-for-mobilizon'
			),
			number: true,
			min: 1,
			max: 6,
		},
	];

	const fields = {
		events: [
			{
				name: 'group',
				label: __(
					'Group handles, comma-separated (empty: the default group, or the whole instance)',
					'embeds-for-mobilizon'
				),
			},
			{
				name: 'source',
				label: __( 'Read events from', 'embeds-for-mobilizon' ),
				options: [
					choice(
						__(
							'This site for groups Event Bridge follows, else the instance',
							'embeds-for-mobilizon'
						),
						''
					),
					choice(
						__( 'The instance', 'embeds-for-mobilizon' ),
						'instance'
					),
					choice(
						__(
							'This site only (events received through Event Bridge)',
							'embeds-for-mobilizon'
						),
						'federated'
					),
				],
			},
			{
				name: 'view',
				label: __( 'View', 'embeds-for-mobilizon' ),
				options: [
					choice( __( 'List', 'embeds-for-mobilizon' ), '' ),
					choice( __( 'Cards', 'embeds-for-mobilizon' ), 'grid' ),
					choice( __( 'Agenda', 'embeds-for-mobilizon' ), 'agenda' ),
					choice( __( 'Month', 'embeds-for-mobilizon' ), 'month' ),
				],
			},
			{
				name: 'period',
				label: __( 'Events', 'embeds-for-mobilizon' ),
				options: [
					choice( __( 'Upcoming', 'embeds-for-mobilizon' ), '' ),
					choice( __( 'Past', 'embeds-for-mobilizon' ), 'past' ),
					choice( __( 'All', 'embeds-for-mobilizon' ), 'all' ),
				],
			},
			{
				name: 'limit',
				label: __( 'Events per page', 'embeds-for-mobilizon' ),
				number: true,
				min: 1,
				max: 99,
			},
			{
				name: 'from',
				label: __( 'From (YYYY-MM-DD)', 'embeds-for-mobilizon' ),
			},
			{
				name: 'to',
				label: __( 'To (YYYY-MM-DD)', 'embeds-for-mobilizon' ),
			},
			{ name: 'term', label: __( 'Words', 'embeds-for-mobilizon' ) },
			{
				name: 'tags',
				label: __( 'Tags, comma-separated', 'embeds-for-mobilizon' ),
			},
			{
				name: 'category',
				label: __( 'Category (e.g. MUSIC)', 'embeds-for-mobilizon' ),
			},
			{
				name: 'type',
				label: __( 'Online or in person', 'embeds-for-mobilizon' ),
				options: [
					choice( __( 'Both', 'embeds-for-mobilizon' ), '' ),
					choice( __( 'Online', 'embeds-for-mobilizon' ), 'online' ),
					choice(
						__( 'In person', 'embeds-for-mobilizon' ),
						'in-person'
					),
				],
			},
			{
				name: 'near',
				label: __(
					'Near (latitude,longitude)',
					'embeds-for-mobilizon'
				),
			},
			{
				name: 'radius',
				label: __( 'Within (km)', 'embeds-for-mobilizon' ),
				number: true,
			},
			{
				name: 'search',
				label: __( 'Search', 'embeds-for-mobilizon' ),
				options: [
					choice(
						__(
							"The instance's own lists",
							'embeds-for-mobilizon'
						),
						''
					),
					choice(
						__( 'This instance only', 'embeds-for-mobilizon' ),
						'self'
					),
					choice(
						__(
							'This instance and those it follows',
							'embeds-for-mobilizon'
						),
						'internal'
					),
					choice(
						__( 'The whole fediverse', 'embeds-for-mobilizon' ),
						'global'
					),
				],
			},
			{
				name: 'filters',
				label: __( 'Show a filter bar', 'embeds-for-mobilizon' ),
				toggle: true,
			},
			{
				name: 'hide-cancelled',
				label: __( 'Hide cancelled events', 'embeds-for-mobilizon' ),
				toggle: true,
			},
			{
				name: 'event-href',
				label: __(
					'Event links: inline, or a page address with {uuid}',
					'embeds-for-mobilizon'
				),
			},
		],
		event: [
			{ name: 'uuid', label: __( 'Event uuid', 'embeds-for-mobilizon' ) },
			{
				name: 'url',
				label: __( "or the event's address", 'embeds-for-mobilizon' ),
			},
			{
				name: 'registration',
				label: __( 'Registration form', 'embeds-for-mobilizon' ),
				options: [
					choice(
						__(
							'When the event allows it',
							'embeds-for-mobilizon'
						),
						''
					),
					choice( __( 'Never', 'embeds-for-mobilizon' ), 'none' ),
				],
			},
		],
		group: [
			{
				name: 'group',
				label: __(
					'Group handle (empty: the default group)',
					'embeds-for-mobilizon'
				),
			},
			{
				name: 'sections',
				label: __(
					'Sections (about,events,past,posts)',
					'embeds-for-mobilizon'
				),
			},
			{
				name: 'limit',
				label: __( 'Events per page', 'embeds-for-mobilizon' ),
				number: true,
				min: 1,
				max: 99,
			},
		],
		registration: [
			{ name: 'uuid', label: __( 'Event uuid', 'embeds-for-mobilizon' ) },
			{
				name: 'url',
				label: __( "or the event's address", 'embeds-for-mobilizon' ),
			},
		],
	};

	function control( field, attributes, setAttributes ) {
		const value = attributes[ field.name ];
		function set( next ) {
			const change = {};
			if ( field.number ) {
				next =
					next === '' || isNaN( Number( next ) )
						? undefined
						: Number( next );
			} else if ( next === '' ) {
				// Empty means "the element's default": the attribute is left out.
				next = undefined;
			}
			change[ field.name ] = next;
			setAttributes( change );
		}
		const props = {
			key: field.name,
			label: field.label,
			__nextHasNoMarginBottom: true,
		};
		if ( field.toggle ) {
			props.checked = !! value;
			props.onChange = function ( checked ) {
				const change = {};
				change[ field.name ] = checked ? true : undefined;
				setAttributes( change );
			};
			return el( ToggleControl, props );
		}
		props.value =
			value === undefined || value === null ? '' : String( value );
		props.onChange = set;
		if ( field.options ) {
			props.options = field.options;
			return el( SelectControl, props );
		}
		if ( field.number ) {
			props.type = 'number';
			props.min = field.min;
			props.max = field.max;
		}
		return el( TextControl, props );
	}

	Object.keys( fields ).forEach( function ( kind ) {
		const name = 'embeds-for-mobilizon/' + kind;
		// A component (capitalised) for the hooks rules: it calls useBlockProps.
		function Edit( props ) {
			const blockProps = useBlockProps();
			const list = fields[ kind ];
			return el(
				'div',
				blockProps,
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{
							title: __( 'Mobilizon', 'embeds-for-mobilizon' ),
							initialOpen: true,
						},
						list.map( function ( field ) {
							return control(
								field,
								props.attributes,
								props.setAttributes
							);
						} )
					),
					el(
						PanelBody,
						{
							title: __( 'Display', 'embeds-for-mobilizon' ),
							initialOpen: false,
						},
						common.map( function ( field ) {
							return control(
								field,
								props.attributes,
								props.setAttributes
							);
						} )
					)
				),
				el( ServerSideRender, {
					block: name,
					attributes: props.attributes,
				} )
			);
		}
		wp.blocks.registerBlockType( name, {
			edit: Edit,
			save() {
				return null;
			},
		} );
	} );
} )( window.wp );
