import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { documentCard, previewImageResponse } from '../../../lib/preview-image';
import { documentStaticPaths } from '../../../lib/static-paths';

/** `/og/{lang}/{slug}.png`: the link-preview image of a document page. */
export const getStaticPaths = documentStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  previewImageResponse(documentCard(props.lang, props.entry.data));
